import type { getCommuneAssessmentView } from "@/lib/assessments/queries";

export type AssessmentView = Awaited<ReturnType<typeof getCommuneAssessmentView>>;
export type CriterionView = AssessmentView["criteria"][number];
export type IndicatorView = CriterionView["indicators"][number];
