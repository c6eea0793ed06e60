// What the notice task form offers, as labelled options.
import { formatDate } from "@/lib/format";
import { listAssignableOrganisations, listLinkableCommunes, listLinkableCriteria } from "@/lib/notices/staff-queries";
import type { CheckboxGroup } from "./checkbox-list";

const until = (validTo: Date | null) => (validTo ? ` (đến trước ${formatDate(validTo)})` : "");

export async function loadTaskChoices(noticeUnitId: number | null) {
  const [orgs, criteria, communes] = await Promise.all([
    listAssignableOrganisations(noticeUnitId),
    listLinkableCriteria(),
    listLinkableCommunes(noticeUnitId),
  ]);
  const organisations = orgs.map((o) => ({ value: o.id, label: `${o.name} — ${o.unit ? `${o.unit.fullName}${until(o.unit.validTo)}` : "Trung ương"}` }));
  const criteriaGroups = new Map<string, CheckboxGroup>();
  for (const c of criteria) {
    const g = criteriaGroups.get(c.set.code) ?? { label: c.set.name, items: [] };
    g.items.push({ value: c.id, label: `${c.number}. ${c.name}` });
    criteriaGroups.set(c.set.code, g);
  }
  const communeGroups = new Map<string, CheckboxGroup>();
  for (const u of communes) {
    const key = `${u.province?.fullName ?? ""}${until(u.validTo)}`;
    const g = communeGroups.get(key) ?? { label: key, items: [] };
    g.items.push({ value: u.id, label: u.district ? `${u.fullName}, ${u.district.fullName}` : u.fullName });
    communeGroups.set(key, g);
  }
  return { organisations, criteria: [...criteriaGroups.values()], communes: [...communeGroups.values()] };
}
