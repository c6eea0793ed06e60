import { CERTIFICATE_STATE_LABELS, type CertificateState } from "@/lib/ocop/rules";

const STYLE: Record<CertificateState, string> = {
  NONE: "bg-gray-100 text-gray-700",
  VALID: "bg-green-100 text-green-800",
  EXPIRING_SOON: "bg-amber-100 text-amber-900",
  EXPIRED: "bg-red-100 text-red-800",
};

export function CertificateBadge({ state }: { state: CertificateState }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs ${STYLE[state]}`}>{CERTIFICATE_STATE_LABELS[state]}</span>;
}
