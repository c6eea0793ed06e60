// Year and phase chosen on a dashboard (URL ?nam=&giai_doan=).
import { ASSESSMENT_YEARS, DEFAULT_YEAR } from "@/lib/assessments/years";

export const PHASES = [
  { code: "2016-2020", label: "Giai đoạn 2016–2020", from: 2016, to: 2020 },
  { code: "2021-2025", label: "Giai đoạn 2021–2025", from: 2021, to: 2025 },
  { code: "2026-2030", label: "Giai đoạn 2026–2030", from: 2026, to: 2030 },
] as const;

export interface Period {
  year: number;
  phase: (typeof PHASES)[number];
  years: number[];
}

export function parsePeriod(params: { nam?: string; giai_doan?: string }): Period {
  const asked = Number.parseInt(params.nam ?? "", 10);
  const byCode = PHASES.find((p) => p.code === params.giai_doan);
  const byYear = (y: number) => PHASES.find((p) => y >= p.from && y <= p.to);
  let year = ASSESSMENT_YEARS.includes(asked) ? asked : DEFAULT_YEAR;
  let phase = byCode ?? byYear(year)!;
  if (byCode && (year < phase.from || year > phase.to)) {
    const inPhase = ASSESSMENT_YEARS.filter((y) => y >= phase.from && y <= phase.to);
    year = inPhase.at(-1) ?? year;
  }
  phase = byYear(year) ?? phase;
  return { year, phase, years: ASSESSMENT_YEARS.filter((y) => y >= phase.from && y <= phase.to) };
}
