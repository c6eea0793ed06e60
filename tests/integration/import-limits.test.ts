// A zip bomb sent to the import (security review): a ~350 KB .xlsx whose sheet inflates to 300 MB
// used to keep the server busy for 7–32 s and grow it by 0.6 GB. Now it gets its Vietnamese
// problem in the import report in well under a second, the run is recorded as failed, and
// nothing is written — applied or dry run.
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { importAssessments } from "@/lib/imports/service";
import { rowBomb } from "../xlsx-files";
import { viewerOf } from "./helpers";

/** What an import may write, as one checksum. */
async function writtenState(): Promise<string> {
  const [row] = await db.$queryRaw<{ s: string }[]>`
    SELECT md5(concat_ws(':',
      (SELECT count(*) FROM "IndicatorValue"), (SELECT max("updatedAt") FROM "IndicatorValue"),
      (SELECT count(*) FROM "CriterionResult"), (SELECT max("updatedAt") FROM "CriterionResult"),
      (SELECT count(*) FROM "Assessment"), (SELECT max("updatedAt") FROM "Assessment"),
      (SELECT count(*) FROM "AuditLog"))) AS s`;
  return row.s;
}

let province: Viewer;
let bomb: Buffer;
beforeAll(async () => {
  province = await viewerOf("tinh@ntm.demo");
  bomb = await rowBomb({ megabytes: 300 });
});

describe("a zip bomb sent to the import", () => {
  it.each([
    ["applied", false],
    ["dry run", true],
  ])("%s: refused in under a second with a Vietnamese problem, recorded, nothing written", async (_label, dryRun) => {
    const before = await writtenState();
    const t0 = performance.now();
    const report = await importAssessments(province, { name: "so-lieu.xlsx", bytes: bomb }, { dryRun });
    const ms = performance.now() - t0;
    expect(report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Nội dung tệp Excel khi giải nén vượt quá 100 MB/)]);
    expect(report.applied).toBe(false);
    expect(ms).toBeLessThan(1000);
    expect(await writtenState()).toBe(before);
    const job = await db.importJob.findFirstOrThrow({ where: { createdById: province.id }, orderBy: { id: "desc" } });
    expect(job).toMatchObject({ fileName: "so-lieu.xlsx", status: "FAILED" });
  });
});
