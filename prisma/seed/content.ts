// Sample content: the five real provincial pages of prisma/data/seed-articles (three news
// articles, two conclusion notices with their tasks) and a library of the programme's legal
// documents as domain.md §0 lists them. Tasks start NOT_STARTED: nobody has reported progress.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  noticeSlug,
  parseConclusionNotice,
  parseNewsArticle,
  type ParsedNotice,
} from "../../lib/content/seed-articles.ts";
import { slugify } from "../../lib/slug.ts";
import { ensureOrganisation } from "./organisations.ts";
import { insertRows, type Sql } from "./sql.ts";
import type { UnitMaps } from "./units.ts";

const DIR = join(process.cwd(), "prisma/data/seed-articles");

const CATEGORIES = [
  { slug: "tin-tuc-su-kien", name: "Tin tức - Sự kiện" },
  { slug: "chi-dao-dieu-hanh", name: "Chỉ đạo - Điều hành" },
  { slug: "tin-dia-phuong", name: "Tin địa phương" },
  { slug: "ocop", name: "OCOP" },
  { slug: "chuyen-doi-so", name: "Chuyển đổi số" },
];

interface ArticleSeed {
  file: string;
  category: string;
  /** old (before 1/7/2025) province of the portal the page comes from */
  province: string;
  year?: number;
  /** the page names its source only as "VPĐP NTM tỉnh"; its footer says which province */
  source?: string;
}

const ARTICLES: ArticleSeed[] = [
  { file: "000_c2a37f5448b21177.txt", category: "tin-tuc-su-kien", province: "58", source: "VPĐP NTM tỉnh Ninh Thuận" },
  { file: "001_7c20399e720dfcdf.txt", category: "tin-dia-phuong", province: "19" },
  // the page prints "17/11" without a year; the README dates it 2022
  { file: "004_feb9eb52b2a79e80.txt", category: "tin-tuc-su-kien", province: "04", year: 2022 },
];

const NOTICES = [
  // the portal's dateline is "(Quang Binh Potal)", without diacritics
  { file: "002_17b9713b43f896ca.txt", province: "44", provinceName: "Quảng Bình" },
  { file: "003_6deb4bd0ed896e8b.txt", province: "19", provinceName: "Thái Nguyên" },
];

interface DocumentSeed {
  number: string;
  docType: "Quyết định" | "Nghị quyết";
  issuer: "Thủ tướng Chính phủ" | "Quốc hội";
  title: string;
  issuedDate: string;
  effectiveDate: string | null;
  summary: string;
  sourceUrl: string | null;
}

// Titles, dates and summaries only as /work/shared/docs/domain.md states them (§0, §1a–§1e); the
// source URL is the one domain.md cites for that document, when it cites one about the document
// itself (not a province's page that merely refers to it).
const DOCUMENTS: DocumentSeed[] = [
  {
    number: "1600/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2016 - 2020",
    issuedDate: "2016-08-16",
    effectiveDate: null,
    summary: "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2016–2020, giai đoạn áp dụng Bộ tiêu chí xã nông thôn mới của Quyết định 1980/QĐ-TTg.",
    sourceUrl: null,
  },
  {
    number: "1980/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Ban hành Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016 - 2020",
    issuedDate: "2016-10-17",
    effectiveDate: null,
    summary: "Bộ tiêu chí xã nông thôn mới giai đoạn 2016–2020 gồm 19 tiêu chí trong 5 nhóm: Quy hoạch; Hạ tầng kinh tế - xã hội; Kinh tế và tổ chức sản xuất; Văn hóa - Xã hội - Môi trường; Hệ thống chính trị.",
    sourceUrl: "https://baonghean.vn/en/nhieu-thay-doi-trong-bo-tieu-chi-quoc-gia-ve-xa-nong-thon-moi-giai-doan-2016-2020-10116980.html",
  },
  {
    number: "2540/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Ban hành Quy định điều kiện, trình tự, thủ tục, hồ sơ xét, công nhận và công bố địa phương đạt chuẩn nông thôn mới; địa phương hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2016 - 2020",
    issuedDate: "2016-12-30",
    effectiveDate: null,
    summary: "Thủ tục công nhận giai đoạn 2016–2020: xã đăng ký và tự đánh giá, huyện thẩm tra, tỉnh thẩm định qua Hội đồng thẩm định rồi xét, công nhận và công bố.",
    sourceUrl: null,
  },
  {
    number: "25/2021/QH15",
    docType: "Nghị quyết",
    issuer: "Quốc hội",
    title: "Phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025",
    issuedDate: "2021-07-28",
    effectiveDate: "2021-09-11",
    summary: "Chủ trương đầu tư Chương trình giai đoạn 2021–2025 với ít nhất 196.332 tỷ đồng ngân sách nhà nước (trung ương 39.632 tỷ, địa phương 156.700 tỷ đồng) và mục tiêu đến năm 2025 không còn xã dưới 15 tiêu chí.",
    sourceUrl: "https://english.luatvietnam.vn/resolution-no-25-2021-qh15-dated-july-28-2021-of-the-national-assembly-approving-the-investment-policy-for-the-national-target-program-on-new-countr-207311-doc1.html",
  },
  {
    number: "263/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025",
    issuedDate: "2022-02-22",
    effectiveDate: null,
    summary: "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021–2025, có chủ trương đầu tư tại Nghị quyết 25/2021/QH15.",
    sourceUrl: "https://luatvietnam.vn/nong-nghiep/quyet-dinh-263-qd-ttg-217541-d1.html?layout=amp",
  },
  {
    number: "318/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Ban hành Bộ tiêu chí quốc gia về xã nông thôn mới và Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021 - 2025",
    issuedDate: "2022-03-08",
    effectiveDate: "2022-03-08",
    summary: "Bộ tiêu chí xã nông thôn mới giai đoạn 2021–2025 giữ 19 tiêu chí trong 5 nhóm, mỗi tiêu chí gồm các chỉ tiêu đánh số với ngưỡng theo 7 vùng; phụ lục thứ hai là Bộ tiêu chí xã nông thôn mới nâng cao.",
    sourceUrl: "https://ls1.hethongphapluat.com/quyet-dinh-318-qd-ttg-nam-2022-bo-tieu-chi-quoc-gia-ve-xa-nong-thon-moi-va-bo-tieu-chi-quoc-gia-ve-xa-nong-thon-moi-nang-cao-giai-doan-2021-2025-do-thu-tuong-chinh-phu-ban-hanh.html",
  },
  {
    number: "319/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Ban hành Quy định xã nông thôn mới kiểu mẫu giai đoạn 2021 - 2025",
    issuedDate: "2022-03-08",
    effectiveDate: null,
    summary: "Xã nông thôn mới kiểu mẫu phải đạt chuẩn nông thôn mới nâng cao, có thu nhập bình quân đầu người cao hơn ít nhất 10% mức của xã nâng cao, có ít nhất một mô hình thôn thông minh và nổi trội ở ít nhất một lĩnh vực.",
    sourceUrl: "https://baoquangnam.vn/thoi-su-nong-thon-moi/quy-dinh-xa-nong-thon-moi-kieu-mau-giai-doan-2021-2025-124590.html",
  },
  {
    number: "320/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Ban hành Bộ tiêu chí quốc gia về huyện nông thôn mới; quy định thị xã, thành phố trực thuộc cấp tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới và Bộ tiêu chí quốc gia về huyện nông thôn mới nâng cao giai đoạn 2021 - 2025",
    issuedDate: "2022-03-08",
    effectiveDate: null,
    summary: "Tiêu chí huyện nông thôn mới, quy định thị xã và thành phố thuộc tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới, và tiêu chí huyện nông thôn mới nâng cao giai đoạn 2021–2025.",
    sourceUrl: null,
  },
  {
    number: "321/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Ban hành Quy định tỉnh, thành phố trực thuộc trung ương hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2021 - 2025",
    issuedDate: "2022-03-08",
    effectiveDate: null,
    summary: "Quy định để tỉnh, thành phố trực thuộc trung ương được công nhận hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2021–2025.",
    sourceUrl: null,
  },
  {
    number: "18/2022/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Ban hành Quy định điều kiện, trình tự, thủ tục, hồ sơ xét, công nhận, công bố và thu hồi quyết định công nhận địa phương đạt chuẩn nông thôn mới, đạt chuẩn nông thôn mới nâng cao, đạt chuẩn nông thôn mới kiểu mẫu và hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2021 - 2025",
    issuedDate: "2022-08-02",
    effectiveDate: null,
    summary: "Xã được công nhận khi đạt đủ các tiêu chí, đạt mức hài lòng của người dân, không còn nợ đọng xây dựng cơ bản và không thuộc diện phức tạp về an ninh, trật tự; quy định cả các trường hợp thu hồi công nhận.",
    sourceUrl: "https://langngheviet.com.vn/thu-tuong-chinh-phu-ban-hanh-trinh-tu-thu-tuc-ho-so-xet-cong-nhan-dat-chuan-nong-thon-moi-ntm-nang-cao-ntm-kieu-mau-25687.html",
  },
  {
    number: "919/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Phê duyệt Chương trình Mỗi xã một sản phẩm giai đoạn 2021 - 2025",
    issuedDate: "2022-08-01",
    effectiveDate: null,
    summary: "Chương trình OCOP giai đoạn 2021–2025, với mục tiêu đến năm 2025 có ít nhất 10.000 sản phẩm đạt từ 3 sao trở lên, trong đó khoảng 400–500 sản phẩm 5 sao.",
    sourceUrl: "https://dulieuphapluat.vn/van-ban/thuong-mai-van-ban/decision-no-919qd-ttg-dated-august-01-2022-on-approving-one-commune-one-product-program-in-2021-2025-period-1168188.html",
  },
  {
    number: "148/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Ban hành Bộ tiêu chí và Quy trình đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm",
    issuedDate: "2023-02-24",
    effectiveDate: null,
    summary: "Thay thế Quyết định 1048/QĐ-TTg và 781/QĐ-TTg: sản phẩm OCOP được chấm trên 100 điểm (phần A 40, phần B 25, phần C 35 điểm) trong 6 nhóm sản phẩm.",
    sourceUrl: "https://hangthat.thuonghieucongluan.com.vn/ban-hanh-bo-tieu-chi-va-quy-trinh-danh-gia-phan-hang-san-pham-chuong-trinh-moi-xa-mot-san-pham-a93435.html",
  },
  {
    number: "211/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Sửa đổi, bổ sung một số tiêu chí, chỉ tiêu của các Bộ tiêu chí quốc gia về nông thôn mới và Bộ tiêu chí quốc gia về nông thôn mới nâng cao giai đoạn 2021 - 2025",
    issuedDate: "2024-03-01",
    effectiveDate: null,
    summary: "Sửa đổi tiêu chí, chỉ tiêu của các bộ tiêu chí theo Quyết định 318/QĐ-TTg và 320/QĐ-TTg, và bổ sung bộ tiêu chí huyện nông thôn mới đặc thù (không có đơn vị hành chính cấp xã) với điều kiện ít nhất 90% người dân hài lòng.",
    sourceUrl: "https://lawnet.vn/thong-tin-phap-luat/en/chinh-sach-moi/criteria-for-special-new-rural-districts-without-commune-level-administrative-units-in-vietnam-as-of-march-1-2024-133694.html",
  },
  {
    number: "51/2025/QĐ-TTg",
    docType: "Quyết định",
    issuer: "Thủ tướng Chính phủ",
    title: "Ban hành Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026 - 2030",
    issuedDate: "2025-12-29",
    effectiveDate: "2026-02-15",
    summary: "Bộ tiêu chí xã giai đoạn 2026–2030 gồm 10 tiêu chí và 47 chỉ tiêu với ngưỡng theo 3 nhóm xã thay cho 7 vùng, kèm khung thí điểm xã nông thôn mới hiện đại và điều kiện tỉnh hoàn thành nhiệm vụ.",
    sourceUrl: "https://xaydungchinhsach.chinhphu.vn/toan-van-quyet-dinh-51-2025-qd-ttg-ban-hanh-bo-tieu-chi-quoc-gia-ve-nong-thon-moi-giai-doan-2026-2030-119251230104614909.htm",
  },
];

// Timestamps travel as ISO strings: a `timestamp` column keeps their UTC wall time whatever the
// session time zone (a JS Date would be sent in the machine's local time).
const iso = (d: Date) => d.toISOString();
const ymd = (d: Date) => d.toISOString().slice(0, 10);
/** 00:00 in Vietnam of a calendar date (UTC midnight) — "published that day". */
const vietnamMidnight = (d: Date) => new Date(d.getTime() - 7 * 3600_000);

function oldProvinceId(units: UnitMaps, code: string): number {
  const id = units.oldProvince.get(code);
  if (id === undefined) throw new Error(`seedContent: old province ${code} is not seeded`);
  return id;
}

const read = (file: string) => readFileSync(join(DIR, file), "utf8");

export async function seedContent(
  sql: Sql,
  units: UnitMaps,
): Promise<{ articles: number; notices: number; tasks: number; documents: number }> {
  const now = iso(new Date());
  const counts = { articles: 0, notices: 0, tasks: 0, documents: 0 };

  // ── categories (kept if another step made them) ──
  const categoryId = new Map<string, number>();
  for (const [i, c] of CATEGORIES.entries()) {
    const res = await sql.query<{ id: number }>(
      `INSERT INTO "Category" (slug, name, "sortOrder") VALUES ($1, $2, $3)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [c.slug, c.name, i + 1],
    );
    categoryId.set(c.slug, res.rows[0].id);
  }

  // ── news ──
  for (const a of ARTICLES) {
    const parsed = parseNewsArticle(read(a.file), { file: a.file, year: a.year });
    const res = await sql.query(
      `INSERT INTO "Article" (slug, title, summary, "bodyHtml", author, source, "sourceUrl", "categoryId",
         status, "publishedAt", "viewCount", "unitId", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PUBLISHED', $9, $10, $11, $12, $12)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [
        slugify(parsed.title),
        parsed.title,
        parsed.summary,
        parsed.bodyHtml,
        parsed.author,
        a.source ?? parsed.source,
        null, // the copies do not keep the article's address
        categoryId.get(a.category),
        iso(parsed.publishedAt),
        parsed.viewCount ?? 0,
        oldProvinceId(units, a.province),
        now,
      ],
    );
    counts.articles += res.rowCount ?? 0;
  }

  // ── conclusion notices and their tasks ──
  for (const n of NOTICES) {
    const parsed = parseConclusionNotice(read(n.file), { file: n.file, province: n.provinceName });
    const unitId = oldProvinceId(units, n.province);
    const res = await sql.query<{ id: number }>(
      `INSERT INTO "Notice" (slug, number, title, summary, "bodyHtml", "issuedDate", "meetingDate", "issuingBody",
         signer, "signerTitle", source, "sourceUrl", status, "publishedAt", "unitId", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, 'PUBLISHED', $12, $13, $14, $14)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [
        noticeSlug(parsed),
        parsed.number,
        parsed.title,
        parsed.summary,
        parsed.bodyHtml,
        ymd(parsed.issuedDate),
        parsed.meetingDate ? ymd(parsed.meetingDate) : null,
        parsed.issuingBody,
        parsed.signer,
        parsed.signerTitle,
        parsed.source,
        iso(parsed.postedAt ?? vietnamMidnight(parsed.issuedDate)),
        unitId,
        now,
      ],
    );
    const noticeId = res.rows[0]?.id;
    if (noticeId === undefined) continue; // seeded before
    counts.notices += 1;
    counts.tasks += await insertTasks(sql, noticeId, parsed, unitId, now);
  }

  // ── legal documents ──
  for (const d of DOCUMENTS) {
    const res = await sql.query(
      `INSERT INTO "Document" (slug, number, title, "docType", issuer, "issuedDate", "effectiveDate", summary,
         "sourceUrl", status, "publishedAt", "unitId", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'PUBLISHED', $10, NULL, $11, $11)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [
        slugify(`${d.docType} ${d.number}`),
        d.number,
        d.title,
        d.docType,
        d.issuer,
        d.issuedDate,
        d.effectiveDate,
        d.summary,
        d.sourceUrl,
        iso(vietnamMidnight(new Date(`${d.issuedDate}T00:00:00Z`))),
        now,
      ],
    );
    counts.documents += res.rowCount ?? 0;
  }
  return counts;
}

/**
 * One NoticeTask row per lead organisation (three equal leads → three rows with the same number);
 * every organisation the task names, lead or not, is created for the notice's province.
 */
async function insertTasks(sql: Sql, noticeId: number, notice: ParsedNotice, unitId: number, now: string): Promise<number> {
  const rows: unknown[][] = [];
  for (const task of notice.tasks) {
    const orgIds = new Map<string, number>();
    for (const a of task.assignees) {
      orgIds.set(a.name, await ensureOrganisation(sql, { name: a.name, kind: a.kind, unitId }));
    }
    const leads = task.assignees.filter((a) => a.lead);
    for (const lead of leads.length ? leads : [null]) {
      rows.push([
        noticeId,
        task.number,
        rows.length + 1,
        task.content,
        task.assigneeText,
        lead ? orgIds.get(lead.name) : null,
        task.deadline ? ymd(task.deadline) : null,
        "NOT_STARTED",
        now,
      ]);
    }
  }
  await insertRows(
    sql,
    "NoticeTask",
    [
      { name: "noticeId", type: "int" },
      { name: "number", type: "text" },
      { name: "sortOrder", type: "int" },
      { name: "content", type: "text" },
      { name: "assigneeText", type: "text" },
      { name: "assigneeOrgId", type: "int" },
      { name: "deadline", type: "date" },
      { name: "status", type: "TaskStatus" },
      { name: "updatedAt", type: "timestamp" },
    ],
    rows,
  );
  return rows.length;
}
