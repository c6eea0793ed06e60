// Year, phase and reporting day chosen on a dashboard (URL ?nam=&giai_doan=&den-ngay=).
import { ASSESSMENT_YEARS, DEFAULT_YEAR } from "@/lib/assessments/years";
import { defaultAsOf, parseAsOf } from "@/lib/figures/definitions";
import { todayInVietnam } from "@/lib/format";

export const PHASES = [
  { code: "2016-2020", label: "Giai đoạn 2016–2020", from: 2016, to: 2020 },
  { code: "2021-2025", label: "Giai đoạn 2021–2025", from: 2021, to: 2025 },
  { code: "2026-2030", label: "Giai đoạn 2026–2030", from: 2026, to: 2030 },
] as const;

export interface Period {
  year: number;
  phase: (typeof PHASES)[number];
  years: number[];
  /** the day figures are read as at: `den-ngay`, or the end of the year's units (today for the year under way) */
  asOf: Date;
  /** whether the day was asked for (`den-ngay`) */
  asOfAsked: boolean;
}

export function parsePeriod(params: { nam?: string; giai_doan?: string; "den-ngay"?: string }, today = todayInVietnam()): Period {
  const asked = Number.parseInt(params.nam ?? "", 10);
  const askedDay = parseAsOf(params["den-ngay"]);
  const byCode = PHASES.find((p) => p.code === params.giai_doan);
  const byYear = (y: number) => PHASES.find((p) => y >= p.from && y <= p.to);
  const dayYear = askedDay && !ASSESSMENT_YEARS.includes(asked) ? askedDay.getUTCFullYear() : null;
  let year = ASSESSMENT_YEARS.includes(asked) ? asked : dayYear !== null && ASSESSMENT_YEARS.includes(dayYear) ? dayYear : DEFAULT_YEAR;
  let phase = byCode ?? byYear(year)!;
  if (byCode && (year < phase.from || year > phase.to)) {
    const inPhase = ASSESSMENT_YEARS.filter((y) => y >= phase.from && y <= phase.to);
    year = inPhase.at(-1) ?? year;
  }
  phase = byYear(year) ?? phase;
  return {
    year,
    phase,
    years: ASSESSMENT_YEARS.filter((y) => y >= phase.from && y <= phase.to),
    asOf: askedDay ?? defaultAsOf(year, today),
    asOfAsked: askedDay !== null,
  };
}
