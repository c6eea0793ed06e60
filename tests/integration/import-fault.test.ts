// Fault: the importing process is killed (SIGKILL) in the middle of writing a national file. The
// transaction dies with it: the database is exactly as before, the dashboard summaries still
// agree with the dossiers, and the same import then runs to the end.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { assessmentGrid, gridToXlsx } from "@/lib/imports/template";
import { viewerOf } from "./helpers";
import { reportFigure } from "../figures";

const YEAR = 2025;

async function state(): Promise<{ checksum: string; assessments: number }> {
  const [row] = await db.$queryRaw<{ s: string; n: number }[]>`
    SELECT md5(
      (SELECT coalesce(string_agg(concat_ws(':', "assessmentId", "indicatorId", "numberValue", "boolValue"), ',' ORDER BY "assessmentId", "indicatorId"), '') FROM "IndicatorValue") ||
      (SELECT coalesce(string_agg(concat_ws(':', id, "criteriaMet", status), ',' ORDER BY id), '') FROM "Assessment") ||
      (SELECT count(*)::text FROM "AuditLog")) AS s,
      (SELECT count(*)::int FROM "Assessment" WHERE year = ${YEAR}) AS n`;
  return { checksum: row.s, assessments: row.n };
}

/** The triggers' summaries against a direct count of the dossiers. */
async function summariesAgree(): Promise<boolean> {
  const [row] = await db.$queryRaw<{ ok: boolean }[]>`
    SELECT (SELECT coalesce(sum(assessed), 0) FROM "CommuneYearSummary" WHERE year = ${YEAR})::int =
           (SELECT count(*) FROM "Assessment" a JOIN "AdminUnit" u ON u.id = a."unitId" WHERE a.year = ${YEAR} AND u.level = 'COMMUNE')::int
       AND (SELECT coalesce(sum(reached), 0) FROM "CommuneYearSummary" WHERE year = ${YEAR})::int =
           (SELECT count(*) FROM "Assessment" a JOIN "AdminUnit" u ON u.id = a."unitId" WHERE a.year = ${YEAR} AND u.level = 'COMMUNE' AND a."reachedStandard")::int AS ok`;
  return row.ok;
}

function importCli(path: string, onStderr?: (text: string, kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import-assessments.ts", path, "--as", "admin@ntm.demo"], { env: process.env });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => onStderr?.(String(d), () => child.kill("SIGKILL")));
    child.on("exit", (code, signal) => resolve({ code, signal, stdout }));
  });
}

describe("an import killed while writing", () => {
  it("leaves the database as it was, and the rerun applies the whole file", { timeout: 300_000 }, async () => {
    // every xã of the country without a 2025 dossier (the other test files' data stays as it is),
    // every value filled: thousands of dossiers to open and write
    const admin = await viewerOf("admin@ntm.demo");
    const grid = await assessmentGrid(admin, null, YEAR);
    grid.rows = grid.rows.filter((row) => row[4] === "Chưa có hồ sơ").map((row, r) =>
      row.map((cell, i) => {
        const kind = grid.kinds[i];
        if (i < 5 || kind === "status") return kind === "status" ? null : cell;
        if (kind === "yesno") return (r + i) % 4 ? "Đạt" : "Không đạt";
        return ((r * 7 + i * 13) % 100) + 0.5;
      }),
    );
    const path = join(mkdtempSync(join(tmpdir(), "ntm-fault-")), "toan-quoc.xlsx");
    writeFileSync(path, await gridToXlsx(grid));

    const before = await state();
    const existing = (await db.assessment.findMany({ where: { year: YEAR }, select: { id: true } })).map((a) => a.id);
    try {
      let killedWhile = "";
      const killed = await importCli(path, (text, kill) => {
        // the first chunk is written (inside the transaction): kill now
        if (!killedWhile && /Ghi \d+\/\d+/.test(text)) {
          killedWhile = text.trim();
          kill();
        }
      });
      expect(killed.signal).toBe("SIGKILL");
      expect(killedWhile).toMatch(/Ghi \d+\/\d+ xã/);

      // the server has rolled the transaction back; nothing of the file is there
      await expect.poll(async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'`)[0].n, { timeout: 20_000 }).toBe(0);
      expect(await state()).toEqual(before);
      expect(await summariesAgree()).toBe(true);

      const rerun = await importCli(path);
      expect(rerun.stdout).toMatch(/Đã ghi vào cơ sở dữ liệu/);
      expect(rerun.code).toBe(0);
      const after = await state();
      expect(after.assessments).toBeGreaterThan(before.assessments);
      expect(await summariesAgree()).toBe(true);
      reportFigure(`fault: import of ${grid.rows.length} xã killed (SIGKILL) at "${killedWhile}": database unchanged; the rerun wrote ${after.assessments - before.assessments} dossiers`);
    } finally {
      // the dossiers this test opened go again (values and results cascade; summaries follow)
      await db.assessment.deleteMany({ where: { year: YEAR, id: { notIn: existing } } });
    }
    expect(await state()).toMatchObject({ assessments: before.assessments });
  });
});
