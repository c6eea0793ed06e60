// Taking the demo data back out of a database seeded with it (npm run demo:purge): a portal first
// started with `npm start` that becomes the real one. Removed, in ONE transaction: every row the
// seed flagged isDemo (annual reports with their criterion results and indicator values, dossiers,
// titles, OCOP producers and products, year plans, capital lines), what rests on those rows
// (a dossier, title or correction request made on a demo report, a demo report's evidence links),
// the satisfaction surveys of a demo database that no staff member opened (the seed gives surveys
// no flag, and every survey opened in the portal has its audit row), and the demo accounts of
// prisma/seed/users.ts (flagged isDemo). A demo account that has acted — audit rows, a correction
// request — cannot be deleted (the audit log is append-only and keeps its user): it is locked and
// signed out instead. The site's "isDemo" mark (the footer's notice) is cleared, and an audit row
// records the counts.
import pg from "pg";
import { SYSTEM_OPERATOR } from "../../lib/authz.ts";

export interface PurgeStep {
  key: string;
  /** Vietnamese, after the count: "12 tài khoản mẫu" */
  label: string;
  count: number;
}

export interface PurgeResult {
  steps: PurgeStep[];
  /** committed (false: a dry run, rolled back) */
  applied: boolean;
  /** the database was seeded with demo data (SiteSetting "site".isDemo) */
  seededWithDemo: boolean;
}

/** What stays, said to the operator after every run. */
export const PURGE_KEEPS =
  "Giữ lại: nhật ký thao tác (chỉ ghi thêm, kể cả các dòng về dữ liệu mẫu), các cơ quan tạo cho tài khoản mẫu, tệp đã tải lên, " +
  "lượt đăng nhập đã ghi (tự xóa sau 30 ngày) và toàn bộ dữ liệu tham chiếu: đơn vị hành chính, bộ tiêu chí, chỉ tiêu và ngưỡng, tin bài, thông báo, văn bản.";

/** Demo reports, and dossiers that rest on one or are demo themselves (used by several steps). */
const DEMO_REPORTS = `SELECT id FROM "Assessment" WHERE "isDemo"`;
const DEMO_DOSSIERS = `SELECT d.id FROM "RecognitionDossier" d WHERE d."isDemo" OR d."reportId" IN (${DEMO_REPORTS})`;
/** Surveys no staff member opened (openSurvey always writes its audit row): the seed's. */
const UNOPENED_SURVEYS = `SELECT s.id FROM "Survey" s WHERE NOT EXISTS (
  SELECT 1 FROM "AuditLog" l WHERE l."entityType" = 'Survey' AND l."entityId" = s.id::text)`;
/** Demo accounts whose deletion nothing refuses: no audit row (append-only), no correction request (RESTRICT). */
const DELETABLE_ACCOUNTS = `SELECT u.id FROM "User" u WHERE u."isDemo"
  AND NOT EXISTS (SELECT 1 FROM "AuditLog" l WHERE l."userId" = u.id)
  AND NOT EXISTS (SELECT 1 FROM "CorrectionRequest" c WHERE c."requestedById" = u.id)`;

interface Statement {
  key: string;
  label: string;
  sql: string;
  /** only in a database the seed marked as a demo one */
  demoDatabaseOnly?: boolean;
}

// In order: what rests on a row goes before it; cascaded children are counted before their parents go.
const STATEMENTS: Statement[] = [
  { key: "recognitions", label: "danh hiệu (quyết định công nhận) mẫu", sql: `DELETE FROM "Recognition" WHERE "isDemo" OR "dossierId" IN (${DEMO_DOSSIERS})` },
  { key: "dossiers", label: "hồ sơ đề nghị công nhận mẫu", sql: `DELETE FROM "RecognitionDossier" WHERE id IN (${DEMO_DOSSIERS})` },
  { key: "corrections", label: "yêu cầu điều chỉnh số liệu trên báo cáo mẫu", sql: `DELETE FROM "CorrectionRequest" WHERE "assessmentId" IN (${DEMO_REPORTS})` },
  { key: "criterionResults", label: "kết quả tiêu chí của các báo cáo đó", sql: `SELECT count(*)::int AS n FROM "CriterionResult" WHERE "assessmentId" IN (${DEMO_REPORTS})` },
  { key: "indicatorValues", label: "giá trị chỉ tiêu của các báo cáo đó", sql: `SELECT count(*)::int AS n FROM "IndicatorValue" WHERE "assessmentId" IN (${DEMO_REPORTS})` },
  { key: "assessments", label: "báo cáo kết quả thực hiện tiêu chí mẫu", sql: `DELETE FROM "Assessment" WHERE "isDemo"` },
  { key: "ocopEvaluations", label: "kết quả đánh giá, phân hạng OCOP của các sản phẩm đó", sql: `SELECT count(*)::int AS n FROM "OcopEvaluation" WHERE "productId" IN (SELECT id FROM "OcopProduct" WHERE "isDemo")` },
  { key: "ocopProducts", label: "sản phẩm OCOP mẫu", sql: `DELETE FROM "OcopProduct" WHERE "isDemo"` },
  // a producer someone has since given a real product keeps it
  { key: "ocopProducers", label: "chủ thể OCOP mẫu", sql: `DELETE FROM "OcopProducer" p WHERE p."isDemo" AND NOT EXISTS (SELECT 1 FROM "OcopProduct" x WHERE x."producerId" = p.id)` },
  { key: "roadmapItems", label: "mốc lộ trình của các kế hoạch đó", sql: `SELECT count(*)::int AS n FROM "RoadmapItem" WHERE "planEntryId" IN (SELECT id FROM "PlanEntry" WHERE "isDemo")` },
  { key: "planEntries", label: "đăng ký kế hoạch năm mẫu", sql: `DELETE FROM "PlanEntry" WHERE "isDemo"` },
  { key: "capitalDisbursements", label: "lần giải ngân của các dòng vốn đó", sql: `SELECT count(*)::int AS n FROM "CapitalDisbursement" WHERE "lineId" IN (SELECT id FROM "CapitalLine" WHERE "isDemo")` },
  { key: "capitalLines", label: "dòng vốn mẫu", sql: `DELETE FROM "CapitalLine" WHERE "isDemo"` },
  { key: "surveyResponses", label: "phiếu trả lời của các khảo sát đó", sql: `SELECT count(*)::int AS n FROM "SurveyResponse" WHERE "surveyId" IN (${UNOPENED_SURVEYS})`, demoDatabaseOnly: true },
  { key: "surveys", label: "khảo sát sự hài lòng mẫu (không cán bộ nào mở)", sql: `DELETE FROM "Survey" WHERE id IN (${UNOPENED_SURVEYS})`, demoDatabaseOnly: true },
  { key: "accounts", label: "tài khoản mẫu", sql: `DELETE FROM "User" WHERE id IN (${DELETABLE_ACCOUNTS})` },
  {
    key: "lockedAccounts",
    label: "tài khoản mẫu đã có thao tác trong nhật ký: khóa và đăng xuất (không xóa được)",
    sql: `UPDATE "User" SET active = false, "sessionVersion" = "sessionVersion" + 1 WHERE "isDemo" AND active`,
  },
];

/**
 * Removes the demo data from the database of `url` (`apply`), or reports what would go (a dry
 * run runs the very same statements and rolls them back, so its counts are exact).
 */
export async function purgeDemoData(url: string, opts: { apply: boolean }): Promise<PurgeResult> {
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    await sql.query("BEGIN");
    const site = await sql.query<{ isDemo: boolean | null }>(`SELECT (value->>'isDemo')::boolean AS "isDemo" FROM "SiteSetting" WHERE key = 'site'`);
    const seededWithDemo = site.rows[0]?.isDemo === true;
    const steps: PurgeStep[] = [];
    for (const s of STATEMENTS) {
      if (s.demoDatabaseOnly && !seededWithDemo) continue;
      const res = await sql.query<{ n: number }>(s.sql);
      steps.push({ key: s.key, label: s.label, count: s.sql.startsWith("SELECT") ? res.rows[0].n : (res.rowCount ?? 0) });
    }
    if (!opts.apply) {
      await sql.query("ROLLBACK");
      return { steps, applied: false, seededWithDemo };
    }
    // the footer's "Bản trình diễn" notice goes, and demo:national refuses this database from now on
    await sql.query(`UPDATE "SiteSetting" SET value = jsonb_set(value, '{isDemo}', 'false') WHERE key = 'site' AND value ? 'isDemo'`);
    await sql.query(
      `INSERT INTO "AuditLog" ("userId", action, "entityType", "entityId", after) VALUES (NULL, 'demo.purge', 'DemoData', 'demo', $1::jsonb)`,
      [JSON.stringify({ ...Object.fromEntries(steps.map((s) => [s.key, s.count])), by: SYSTEM_OPERATOR.email })],
    );
    await sql.query("COMMIT");
    return { steps, applied: true, seededWithDemo };
  } catch (err) {
    await sql.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await sql.end();
  }
}
