import { db } from "@/lib/db";
import type { Viewer } from "@/lib/authz";
import { loadViewer } from "@/lib/users/queries";

/** The viewer of a demo account, as the server builds it for a request. */
export async function viewerOf(email: string): Promise<Viewer> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const viewer = await loadViewer(user.id, user.sessionVersion);
  if (!viewer) throw new Error(`no viewer for ${email}`);
  return viewer;
}

export const onDate = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return { validFrom: { lte: d }, OR: [{ validTo: null }, { validTo: { gt: d } }] };
};
