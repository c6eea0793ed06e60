// Unique URL slugs: "nong-thon-moi", then "nong-thon-moi-2", "nong-thon-moi-3" … when taken.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** The first of base, base-2, base-3 … that is not taken (pure). */
export function pickUniqueSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const root = base || "noi-dung";
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

export type SlugTable = "Article" | "Notice" | "Document";

/** A slug free in the table (the row `exceptId` may keep its own). Read inside the writing transaction. */
export async function uniqueSlug(tx: Tx, table: SlugTable, base: string, exceptId?: number): Promise<string> {
  const root = base || "noi-dung";
  const rows = await tx.$queryRaw<{ slug: string }[]>`
    SELECT slug FROM ${Prisma.raw(`"${table}"`)}
    WHERE (slug = ${root} OR slug LIKE ${`${root.replace(/[\\%_]/g, "\\$&")}-%`}) AND id <> ${exceptId ?? -1}`;
  return pickUniqueSlug(root, rows.map((r) => r.slug));
}

/** The slug of an edited row: its own while the base is unchanged, else a free one. */
export async function editedSlug(tx: Tx, table: SlugTable, base: string, row: { id: number; slug: string }): Promise<string> {
  return base === row.slug ? row.slug : uniqueSlug(tx, table, base, row.id);
}

/** Two writers may pick the same free slug at once; the unique index refuses one, which retries. */
export async function retryOnSlugClash<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (err) {
      const clash = err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002" && JSON.stringify(err.meta ?? {}).includes("slug");
      if (!clash || i >= attempts) throw err;
    }
  }
}
