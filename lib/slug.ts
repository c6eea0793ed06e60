// URL slugs from Vietnamese titles, without diacritics: "Nông thôn mới" → "nong-thon-moi".
export function removeDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

export function slugify(text: string, maxLength = 80): string {
  const slug = removeDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.slice(0, Math.max(cut.lastIndexOf("-"), 1)).replace(/-+$/, "");
}

/** The longest slug the portal makes: slugify's 80 characters and a "-N" to keep it unique, with room. */
export const MAX_SLUG_LENGTH = 120;

/**
 * Could `text` be a slug the portal made? Anything else names no page: the public reads answer
 * null without touching the database or filling the cache with an entry per made-up address.
 */
export function isSlugShaped(text: string): boolean {
  return text.length <= MAX_SLUG_LENGTH && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text);
}
