import { LINE_RISK_LABELS, type LineRisk } from "@/lib/capital/rules";

const STYLE: Record<LineRisk, string> = {
  NO_ALLOCATION: "bg-gray-100 text-gray-700",
  DONE: "bg-green-100 text-green-800",
  ON_TRACK: "bg-sky-100 text-sky-800",
  AT_RISK: "bg-amber-100 text-amber-900",
  OVERDUE: "bg-red-100 text-red-800",
};

export function RiskBadge({ risk }: { risk: LineRisk }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs ${STYLE[risk]}`}>{LINE_RISK_LABELS[risk]}</span>;
}
