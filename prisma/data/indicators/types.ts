// Shape of the indicator catalogues in this folder. Criterion names and groups come from
// prisma/data/ntm_criteria.csv (sourced); indicators and thresholds here are SAMPLE values that
// no source in prisma/data confirms: they are seeded with isSample = true, shown as "mẫu" in the
// portal, and editable by an admin. Replace them from the official appendices when available.

export type Region = "TDMNPB" | "DBSH" | "BTB" | "DHNTB" | "TN" | "DNB" | "DBSCL";

export interface IndicatorSpec {
  /** "2.1" — criterion number, dot, position */
  code: string;
  name: string;
  /** "%", "triệu đồng/người/năm"; omit for yes/no */
  unit?: string;
  kind: "NUMBER" | "PERCENT" | "BOOLEAN";
  /** GTE: value ≥ threshold; LTE: value ≤ threshold; EQ: yes/no indicator that must be "Đạt" */
  comparison: "GTE" | "LTE" | "EQ";
  /** threshold for every commune (omit for BOOLEAN) */
  general?: number;
  /** thresholds by NTM region (2016–2025 sets); regions not listed use `general` */
  byRegion?: Partial<Record<Region, number>>;
  /** thresholds by commune group 1/2/3 (2026–2030 set); groups not listed use `general` */
  byGroup?: Partial<Record<1 | 2 | 3, number>>;
}

export interface CriterionSpec {
  /** criterion number as in ntm_criteria.csv */
  number: number;
  /** the provincial department that answers for the criterion */
  responsibleDepartment: string;
  indicators: IndicatorSpec[];
}
