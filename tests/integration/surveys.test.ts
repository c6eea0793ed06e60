// Residents' satisfaction surveys on a real database: one response per device, nothing personal
// stored, basic abuse protection (open surveys only, honeypot, rate limit), results per commune
// and the share of communes collecting feedback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { deviceHash, newDeviceToken } from "@/lib/surveys/device";
import { listSurveysForViewer, shareOfCommunesCollectingFeedback, surveyFigures } from "@/lib/surveys/queries";
import { WindowLimiter } from "@/lib/surveys/rules";
import { openSurvey, setSurveyOpen, submitSurveyResponse } from "@/lib/surveys/service";
import { appErrorOf, onDate, viewerOf } from "./helpers";
import { snapshotProgramme } from "./programme-fixtures";

let xaViewer: Viewer;
let admin: Viewer;
let tanThanh: number;
let newHaNoi: number;
let haNoiXa: number[];
const YEAR = 2025;

const answers = (overall: string, rest = "SATISFIED") => ({ infrastructure: rest, livelihood: rest, environment: rest, security: rest, participation: rest, overall });
let client = 0;
/** Each submission from its own client address unless told otherwise (the rate limit is tested on its own). */
const submit = (communeId: number, token: string, a: Record<string, string>, extra: Partial<Parameters<typeof submitSurveyResponse>[0]> = {}) =>
  submitSurveyResponse({ communeId, year: YEAR, answers: a, deviceToken: token, clientKey: `test-${++client}`, ...extra });

beforeAll(async () => {
  [xaViewer, admin] = await Promise.all([viewerOf("xa@ntm.demo"), viewerOf("admin@ntm.demo")]);
  tanThanh = xaViewer.unitId!;
  newHaNoi = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "01", validTo: null } })).id;
  const oldHaNoi = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "01", validTo: { not: null } } })).id;
  haNoiXa = (await db.adminUnit.findMany({ where: { level: "COMMUNE", type: "XA", provinceId: oldHaNoi, ...onDate("2025-03-01") }, orderBy: { code: "asc" }, take: 3, select: { id: true } })).map((c) => c.id);
  await db.survey.deleteMany({ where: { communeId: { in: [tanThanh, ...haNoiXa] } } });
});

afterAll(async () => {
  await db.survey.deleteMany({ where: { communeId: { in: [tanThanh, ...haNoiXa] } } });
});

describe("one response per device", () => {
  it("a device answers once; the same device again is refused and changes nothing; another device is counted", async () => {
    await openSurvey(xaViewer, { communeId: tanThanh, year: YEAR });
    const phone = newDeviceToken();
    expect(await submit(tanThanh, phone, answers("VERY_SATISFIED"))).toEqual({ stored: true });
    const before = await snapshotProgramme();
    const err = await appErrorOf(submit(tanThanh, phone, answers("NOT_SATISFIED")), "CONFLICT");
    expect(err.message).toMatch(/Thiết bị này đã gửi ý kiến/);
    expect(await snapshotProgramme()).toEqual(before);
    expect(await submit(tanThanh, newDeviceToken(), answers("NOT_SATISFIED"))).toEqual({ stored: true });
    expect(await surveyFigures(tanThanh, YEAR)).toMatchObject({ open: true, responses: 2, satisfied: 1, percent: 50 });
  });

  it("two submissions from one device at the same moment store one response", async () => {
    const token = newDeviceToken();
    const results = await Promise.allSettled([submit(tanThanh, token, answers("SATISFIED")), submit(tanThanh, token, answers("SATISFIED"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const survey = await db.survey.findUniqueOrThrow({ where: { communeId_year: { communeId: tanThanh, year: YEAR } } });
    expect(await db.surveyResponse.count({ where: { surveyId: survey.id, deviceHash: deviceHash(survey.id, token) } })).toBe(1);
  });

  it("stores nothing personal: a keyed hash instead of the token, no address anywhere", async () => {
    const token = newDeviceToken();
    await submit(tanThanh, token, answers("SATISFIED"));
    const survey = await db.survey.findUniqueOrThrow({ where: { communeId_year: { communeId: tanThanh, year: YEAR } } });
    const row = await db.surveyResponse.findFirstOrThrow({ where: { surveyId: survey.id }, orderBy: { id: "desc" } });
    expect(row.deviceHash).toBe(deviceHash(survey.id, token));
    expect(JSON.stringify(row)).not.toContain(token);
    const columns = await db.$queryRaw<{ column_name: string }[]>`SELECT column_name FROM information_schema.columns WHERE table_name = 'SurveyResponse' ORDER BY column_name`;
    expect(columns.map((c) => c.column_name)).toEqual(["answers", "createdAt", "deviceHash", "id", "satisfied", "surveyId"]);
  });
});

describe("abuse protection", () => {
  it("a closed survey takes no answers", async () => {
    const survey = await db.survey.findUniqueOrThrow({ where: { communeId_year: { communeId: tanThanh, year: YEAR } } });
    await setSurveyOpen(xaViewer, { surveyId: survey.id, open: "false" });
    const before = await snapshotProgramme();
    const err = await appErrorOf(submit(tanThanh, newDeviceToken(), answers("SATISFIED")), "LOCKED");
    expect(err.message).toMatch(/đã kết thúc/);
    expect(await snapshotProgramme()).toEqual(before);
    await setSurveyOpen(xaViewer, { surveyId: survey.id, open: "true" });
  });

  it("a commune without a survey takes no answers", async () => {
    await appErrorOf(submit(haNoiXa[2], newDeviceToken(), answers("SATISFIED")), "NOT_FOUND");
  });

  it("a filled honeypot is dropped silently", async () => {
    const before = await snapshotProgramme();
    expect(await submit(tanThanh, newDeviceToken(), answers("SATISFIED"), { honeypot: "http://spam.example" })).toEqual({ stored: false });
    expect(await snapshotProgramme()).toEqual(before);
  });

  it("unanswered questions and a missing device token are refused", async () => {
    const before = await snapshotProgramme();
    const err = await appErrorOf(submit(tanThanh, newDeviceToken(), { overall: "SATISFIED" }), "VALIDATION");
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["environment", "infrastructure", "livelihood", "participation", "security"]);
    await appErrorOf(submit(tanThanh, "", answers("SATISFIED")), "VALIDATION");
    expect(await snapshotProgramme()).toEqual(before);
  });

  it("too many submissions from one address within the window are refused", async () => {
    const limiter = new WindowLimiter(2, 60_000);
    const from = (token: string) => submitSurveyResponse({ communeId: tanThanh, year: YEAR, answers: answers("SATISFIED"), deviceToken: token, clientKey: "one-address" }, { limiter });
    await from(newDeviceToken());
    await from(newDeviceToken());
    const before = await snapshotProgramme();
    const err = await appErrorOf(from(newDeviceToken()), "RATE_LIMITED");
    expect(err.message).toMatch(/thử lại sau/);
    expect(await snapshotProgramme()).toEqual(before);
  });
});

describe("results", () => {
  it("staff see responses and % satisfied per commune in their scope", async () => {
    const rows = await listSurveysForViewer(xaViewer, { year: YEAR });
    expect(rows.map((r) => r.communeId)).toEqual([tanThanh]);
    const figures = (await surveyFigures(tanThanh, YEAR))!;
    expect(rows[0]).toMatchObject({ responses: figures.responses, satisfied: figures.satisfied, percent: figures.percent });
    expect(rows[0].byQuestion.overall.VERY_SATISFIED).toBeGreaterThanOrEqual(1);
  });

  it("counts the share of communes collecting feedback: a survey with at least one response", async () => {
    const before = await shareOfCommunesCollectingFeedback({ year: YEAR, provinceId: newHaNoi });
    expect(before.communes).toBeGreaterThan(100);
    await openSurvey(admin, { communeId: haNoiXa[0], year: YEAR });
    await openSurvey(admin, { communeId: haNoiXa[1], year: YEAR });
    await submit(haNoiXa[0], newDeviceToken(), answers("SATISFIED"));
    const after = await shareOfCommunesCollectingFeedback({ year: YEAR, provinceId: newHaNoi });
    expect(after).toEqual({ year: YEAR, communes: before.communes, collecting: before.collecting + 1, share: Math.round(((before.collecting + 1) * 1000) / before.communes) / 10 });
    expect((await shareOfCommunesCollectingFeedback({ year: 2019 })).collecting).toBe(0);
  });
});
