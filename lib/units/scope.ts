// The administrative scope of a viewer as a database filter on communes (AdminUnit rows).
import type { Viewer } from "@/lib/authz";
import type { Prisma } from "@/lib/generated/prisma/client";

export function communeScopeWhere(viewer: Viewer): Prisma.AdminUnitWhereInput {
  if (viewer.unitId === null) return {};
  switch (viewer.unitLevel) {
    case "PROVINCE":
      return { provinceId: { in: viewer.scopeUnitIds } };
    case "DISTRICT":
      return { districtId: { in: viewer.scopeUnitIds } };
    case "COMMUNE":
      return { id: { in: viewer.scopeUnitIds } };
    default:
      return { id: -1 }; // fail closed
  }
}
