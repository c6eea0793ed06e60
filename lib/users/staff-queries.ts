// Admin reads of user accounts, and the choices of the account form, within the admin's scope.
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Units within the viewer's scope (the scope unit itself, and for a province or district every unit under it). */
export function unitsInScopeWhere(viewer: Viewer): Prisma.AdminUnitWhereInput {
  if (viewer.unitId === null) return {};
  const own = { id: { in: viewer.scopeUnitIds } };
  switch (viewer.unitLevel) {
    case "PROVINCE":
      return { OR: [own, { provinceId: { in: viewer.scopeUnitIds } }] };
    case "DISTRICT":
      return { OR: [own, { districtId: { in: viewer.scopeUnitIds } }] };
    case "COMMUNE":
      return own;
    default:
      return { id: -1 }; // fail closed
  }
}

/** Accounts a national admin sees: all; any other: those whose scope unit lies within theirs. */
export function listUsersForAdmin(viewer: Viewer) {
  return db.user.findMany({
    where: viewer.unitId === null ? {} : { unit: unitsInScopeWhere(viewer) },
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      mustChangePassword: true,
      isDemo: true,
      lastLoginAt: true,
      unitId: true,
      unit: { select: { id: true, level: true, provinceId: true, districtId: true, fullName: true } },
      organisation: { select: { name: true } },
    },
  });
}

/** " (đến 30/6/2025)" for a unit that has ceased (validTo is exclusive: the day before is its last). */
const period = (u: { validTo: Date | null }) => (u.validTo ? ` (đến ${formatDate(new Date(u.validTo.getTime() - 86_400_000))})` : "");

/** Provinces within the viewer's scope, of any time (units before 1/7/2025 too), labelled with their end. */
export async function listProvincesInScope(viewer: Viewer) {
  const rows = await db.adminUnit.findMany({
    where: { level: "PROVINCE", ...(viewer.unitId === null ? {} : unitsInScopeWhere(viewer)) },
    orderBy: [{ validTo: { sort: "desc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, fullName: true, validFrom: true, validTo: true },
  });
  return rows.map((p) => ({ id: p.id, label: `${p.fullName}${period(p)}` }));
}

/** The province and the districts and communes of its last state under it, when it lies within the viewer's scope. */
export async function listGrantableUnits(viewer: Viewer, provinceId: number) {
  const province = await db.adminUnit.findFirst({
    where: { AND: [{ id: provinceId, level: "PROVINCE" }, unitsInScopeWhere(viewer)] },
    select: { id: true, fullName: true, validFrom: true, validTo: true },
  });
  if (!province) return null;
  // the units that end with the province (its last state): not the versions of earlier years
  const below = await db.adminUnit.findMany({
    where: { provinceId: province.id, validTo: province.validTo },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { id: true, level: true, fullName: true, validFrom: true, validTo: true, district: { select: { name: true } } },
  });
  const label = (u: (typeof below)[number]) => `${u.fullName}${u.district ? ` (${u.district.name})` : ""}`;
  return {
    province: { id: province.id, label: `${province.fullName}${period(province)}` },
    districts: below.filter((u) => u.level === "DISTRICT").map((u) => ({ id: u.id, label: label(u) })),
    communes: below.filter((u) => u.level === "COMMUNE").map((u) => ({ id: u.id, label: label(u) })),
  };
}

/** Organisations an account may belong to: those of the province's units, and central ones for a national admin. */
export function listGrantableOrganisations(viewer: Viewer, provinceId: number | null) {
  const ofProvince: Prisma.OrganisationWhereInput | null =
    provinceId === null ? null : { unit: { AND: [{ OR: [{ id: provinceId }, { provinceId }] }, unitsInScopeWhere(viewer)] } };
  const central: Prisma.OrganisationWhereInput | null = viewer.unitId === null ? { unitId: null } : null;
  const or = [ofProvince, central].filter((w): w is Prisma.OrganisationWhereInput => w !== null);
  if (!or.length) return Promise.resolve([]);
  return db.organisation.findMany({
    where: { OR: or },
    orderBy: { name: "asc" },
    select: { id: true, name: true, unit: { select: { fullName: true } } },
  });
}
