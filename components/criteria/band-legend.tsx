import { bandLabel, bandsFor, PROVISIONAL_BANDS_NOTE, PROVISIONAL_LABEL } from "@/lib/criteria/rules";

/** The bands communes of a set are counted in, "tạm tính" when they are not an official grouping. */
export function BandLegend({ criteriaTotal }: { criteriaTotal: number }) {
  const bands = bandsFor(criteriaTotal);
  const provisional = bands.some((b) => b.provisional);
  return (
    <p className="text-sm text-gray-700">
      Nhóm xã theo số tiêu chí đạt: {bands.map(bandLabel).join(" · ")}
      {provisional && (
        <>
          {" "}
          <ProvisionalBadge />
          <span className="block text-xs text-gray-500">{PROVISIONAL_BANDS_NOTE}</span>
        </>
      )}
    </p>
  );
}

/** The "tạm tính" mark, for wherever provisional bands are shown (tables, charts, reports). */
export function ProvisionalBadge() {
  return (
    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" title={PROVISIONAL_BANDS_NOTE}>
      {PROVISIONAL_LABEL}
    </span>
  );
}
