/** The criteria and communes a task concerns, as short chips. */
export function TaskLinks({ criteria, units }: {
  criteria: { criterion: { number: number; name: string; set: { code: string } } }[];
  units: { unit: { fullName: string } }[];
}) {
  if (criteria.length === 0 && units.length === 0) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-1 text-xs" aria-label="Tiêu chí và xã liên quan">
      {criteria.map((c) => (
        <li key={`c-${c.criterion.set.code}-${c.criterion.number}`} className="rounded bg-indigo-50 px-1.5 py-0.5 text-indigo-800" title={`${c.criterion.set.code}: ${c.criterion.name}`}>
          Tiêu chí {c.criterion.number}. {c.criterion.name}
        </li>
      ))}
      {units.map((u) => (
        <li key={`u-${u.unit.fullName}`} className="rounded bg-gray-100 px-1.5 py-0.5 text-gray-800">
          {u.unit.fullName}
        </li>
      ))}
    </ul>
  );
}
