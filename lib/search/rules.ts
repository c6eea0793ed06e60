// Pure helpers of the public search: folding Vietnamese text the way the database index does
// (prisma/migrations/*_search: unaccent, lower case, words = runs of letters and digits), turning
// a typed query into words and a tsquery, and building highlighted titles and snippets.
// Everything returned as HTML is escaped here; the only markup added is <mark>.
import { escapeHtml } from "@/lib/content/sanitize";

/** Longest query considered (characters) and most words kept: longer input is cut, not refused. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 8;

// a word: letters (with their combining marks, for text typed in decomposed form) and digits
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** "Đầu Tư" → "dau tu": no diacritics, lower case (đ → d), as ntm_search_norm folds it. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

export interface SearchQuery {
  /** the query as shown back to the reader (trimmed, cut to MAX_QUERY_LENGTH) */
  text: string;
  /** folded words, each once, in typed order; empty when nothing searchable was typed */
  words: string[];
}

/** The words of a typed query: "  Nông-thôn MỚI!! " → ["nong", "thon", "moi"]; punctuation alone → []. */
export function normaliseQuery(raw: string | string[] | undefined | null): SearchQuery {
  const first = Array.isArray(raw) ? raw[0] : raw;
  const text = (first ?? "").normalize("NFC").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
  const words: string[] = [];
  for (const m of foldText(text).matchAll(WORD)) {
    const w = m[0];
    if (!words.includes(w)) words.push(w);
    if (words.length === MAX_QUERY_WORDS) break;
  }
  return { text, words };
}

/**
 * The tsquery every result must match: all the words ("'nong' & 'thon' & 'moi'"). Words are
 * letters and digits only, quoted anyway; the string is passed as a bind parameter.
 */
export function toTsQuery(words: readonly string[]): string {
  return words.map(quoteWord).join(" & ");
}

/** The same words as one phrase, in typed order ("'nong' <-> 'thon' <-> 'moi'"): ranks exact phrases first. */
export function toPhraseQuery(words: readonly string[]): string {
  return words.map(quoteWord).join(" <-> ");
}

const quoteWord = (w: string) => `'${w.replace(/['\\]/g, "")}'`;

// ───────────────────────── highlighting ─────────────────────────

interface Span {
  start: number;
  end: number;
}

/** Where the query's words occur in a text (whole words, compared folded). */
function matchSpans(text: string, words: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(WORD)) {
    if (words.has(foldText(m[0]))) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** Escaped text with <mark> around the matched words; neighbours separated only by spaces share one mark. */
function markSpans(text: string, spans: Span[]): string {
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && /^\s*$/.test(text.slice(last.end, s.start))) last.end = s.end;
    else merged.push({ ...s });
  }
  let html = "";
  let at = 0;
  for (const s of merged) {
    html += `${escapeHtml(text.slice(at, s.start))}<mark>${escapeHtml(text.slice(s.start, s.end))}</mark>`;
    at = s.end;
  }
  return html + escapeHtml(text.slice(at));
}

/** A title (or any short text) as HTML: escaped, the query's words marked. */
export function highlightHtml(text: string, words: readonly string[]): string {
  const nfc = text.normalize("NFC");
  return markSpans(nfc, matchSpans(nfc, new Set(words)));
}

export const SNIPPET_LENGTH = 220;

/**
 * An excerpt of a plain text around the query's words, as escaped HTML with <mark>: the window
 * of SNIPPET_LENGTH characters that holds the most different words (the earliest of equals),
 * cut at word boundaries, with "…" where the text goes on. Without any match: the text's start.
 */
export function snippetHtml(text: string, words: readonly string[], length = SNIPPET_LENGTH): string {
  const nfc = text.normalize("NFC").replace(/\s+/g, " ").trim();
  const spans = matchSpans(nfc, new Set(words));
  let from = 0;
  if (spans.length) {
    let best = { at: spans[0].start, distinct: 0 };
    for (let i = 0; i < spans.length; i++) {
      const seen = new Set<string>();
      for (let j = i; j < spans.length && spans[j].end - spans[i].start <= length; j++) {
        seen.add(foldText(nfc.slice(spans[j].start, spans[j].end)));
      }
      if (seen.size > best.distinct) best = { at: spans[i].start, distinct: seen.size };
    }
    // a little context before the first word, starting at a word
    from = Math.max(0, best.at - 40);
    if (from > 0) {
      const space = nfc.indexOf(" ", from);
      from = space >= 0 && space < best.at ? space + 1 : best.at;
    }
  }
  let to = Math.min(nfc.length, from + length);
  if (to < nfc.length) {
    const space = nfc.lastIndexOf(" ", to);
    if (space > from) to = space;
  }
  const piece = nfc.slice(from, to);
  const inside = spans.filter((s) => s.start >= from && s.end <= to).map((s) => ({ start: s.start - from, end: s.end - from }));
  return `${from > 0 ? "… " : ""}${markSpans(piece, inside)}${to < nfc.length ? " …" : ""}`;
}

// ───────────────────────── "Có phải bạn muốn tìm" ─────────────────────────

/** Edits (insert, delete, replace, swap two neighbours) from a to b, or `max + 1` once over `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** How many typing slips a word of this length may carry and still be recognised. */
const allowedEdits = (word: string) => (word.length <= 2 ? 0 : word.length <= 5 ? 1 : 2);

/**
 * The query with each word the published texts do not contain replaced by the nearest one they
 * do (fewest edits, then the word in the most texts, then alphabetical); null when every word is
 * known already or one has no near neighbour. `lexicon`: folded word → number of texts.
 */
export function suggestWords(words: readonly string[], lexicon: ReadonlyMap<string, number>): string[] | null {
  let changed = false;
  const out: string[] = [];
  for (const word of words) {
    if (lexicon.has(word) || /^\d+$/.test(word)) {
      out.push(word);
      continue;
    }
    const max = allowedEdits(word);
    let best: { word: string; edits: number; texts: number } | null = null;
    if (max > 0) {
      for (const [candidate, texts] of lexicon) {
        const edits = editDistance(word, candidate, max);
        if (edits > max) continue;
        if (!best || edits < best.edits || (edits === best.edits && (texts > best.texts || (texts === best.texts && candidate < best.word)))) {
          best = { word: candidate, edits, texts };
        }
      }
    }
    if (!best) return null;
    out.push(best.word);
    changed = true;
  }
  return changed ? out : null;
}

/**
 * The vocabulary with each folded word's most used written form: `written` are the words as the
 * texts write them (lower case, with their diacritics) and how often.
 */
export function lexiconWithSpelling(folded: readonly { word: string; texts: number }[], written: readonly { word: string; uses: number }[]): { word: string; texts: number; spelling: string }[] {
  const best = new Map<string, { word: string; uses: number }>();
  for (const w of written) {
    const key = foldText(w.word);
    const seen = best.get(key);
    if (!seen || w.uses > seen.uses || (w.uses === seen.uses && w.word < seen.word)) best.set(key, w);
  }
  return folded.map((f) => ({ ...f, spelling: best.get(f.word)?.word.normalize("NFC") ?? f.word }));
}

/** Folded words as the texts write them: ["nong", "thon", "moi"] → "nông thôn mới". */
export function spellWords(words: readonly string[], spelling: ReadonlyMap<string, string>): string {
  return words.map((w) => spelling.get(w) ?? w).join(" ");
}
