// Public search across news, conclusion notices and documents (/tim-kiem). Full-text on the
// folded text (prisma/migrations/*_search: GIN indexes on ntm_search_vector(...), repeated here
// exactly so that the planner uses them), every word required. Ranked: the words as a phrase in
// the title, then all the words in the title, then ts_rank_cd (weights: title A, summary B,
// body C; closeness of the words counts; divided by the log of the length, so that long notices
// do not win on length alone), then recency.
// Not cached: queries are open-ended, and each one is a few index lookups. Only the vocabulary of
// the suggestion offered when nothing matches is cached (publicLexicon).
import { CACHE_TAGS } from "@/lib/cache/tags";
import { cachedRead } from "@/lib/cache/cached-read";
import { htmlToText } from "@/lib/content/sanitize";
import { db } from "@/lib/db";
import { highlightHtml, lexiconWithSpelling, normaliseQuery, snippetHtml, spellWords, suggestWords, toPhraseQuery, toTsQuery, type SearchQuery } from "./rules";

export const SEARCH_KINDS = ["article", "notice", "document"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchResult {
  kind: SearchKind;
  id: number;
  slug: string;
  href: string;
  /** escaped HTML, the query's words in <mark> */
  titleHtml: string;
  snippetHtml: string;
  /** "Số 58/TB-UBND", "Quyết định 318/QĐ-TTg", as escaped HTML with <mark> */
  labelHtml: string | null;
  /** publication date of an article, issue date of a notice or document */
  date: Date;
}

export interface SearchPage {
  query: SearchQuery;
  results: SearchResult[];
  /** matches of the kind asked for (all kinds when none) */
  total: number;
  /** matches of each kind, for the tabs */
  counts: Record<SearchKind, number>;
  /** when nothing matched: the query with its unknown words replaced by the nearest known ones */
  suggestion: string | null;
}

interface Row {
  kind: SearchKind;
  id: number;
  slug: string;
  title: string;
  summary: string;
  body: string | null;
  label: string | null;
  date: string;
}

const HREF: Record<SearchKind, (slug: string) => string> = {
  article: (s) => `/tin-tuc/${s}`,
  notice: (s) => `/thong-bao/${s}`,
  document: (s) => `/van-ban/${s}`,
};

const NO_COUNTS: Record<SearchKind, number> = { article: 0, notice: 0, document: 0 };

export async function searchPublic(opts: { q: string | string[] | undefined; kind?: SearchKind; page?: number; pageSize?: number; now?: Date }): Promise<SearchPage> {
  const query = normaliseQuery(opts.q);
  if (query.words.length === 0) return { query, results: [], total: 0, counts: { ...NO_COUNTS }, suggestion: null };
  const pageSize = opts.pageSize ?? 10;
  const offset = (Math.max(1, opts.page ?? 1) - 1) * pageSize;
  const kind = opts.kind ?? null;
  // publishedAt is a timestamp without time zone holding UTC (Prisma's convention)
  const now = (opts.now ?? new Date()).toISOString();
  const [row] = await db.$queryRaw<{ counts: Partial<Record<SearchKind, number>> | null; rows: Row[] }[]>`
    WITH q AS (SELECT to_tsquery('simple', ${toTsQuery(query.words)}) AS query, to_tsquery('simple', ${toPhraseQuery(query.words)}) AS phrase,
                      (${now}::timestamptz AT TIME ZONE 'UTC') AS now),
    hits AS (
      SELECT 'article' AS kind, a.id, a.slug, a.title, a.summary, a."bodyHtml" AS body, NULL::text AS label, a."publishedAt" AS date,
             to_tsvector('simple', ntm_search_norm(a.title)) @@ q.phrase AS phrase_in_title,
             to_tsvector('simple', ntm_search_norm(a.title)) @@ q.query AS in_title,
             ts_rank_cd(ntm_search_vector(a.title, a.summary, a."bodyHtml"), q.query, 1) AS rank
        FROM "Article" a, q
       WHERE a.status IN ('PUBLISHED', 'SCHEDULED') AND a."publishedAt" <= q.now
         AND ntm_search_vector(a.title, a.summary, a."bodyHtml") @@ q.query
      UNION ALL
      SELECT 'notice', n.id, n.slug, n.title, n.summary, n."bodyHtml", 'Số ' || n.number, n."issuedDate"::timestamp,
             to_tsvector('simple', ntm_search_norm(n.number || ' ' || n.title)) @@ q.phrase,
             to_tsvector('simple', ntm_search_norm(n.number || ' ' || n.title)) @@ q.query,
             ts_rank_cd(ntm_search_vector(n.number || ' ' || n.title, n.summary || ' ' || n."issuingBody", n."bodyHtml"), q.query, 1)
        FROM "Notice" n, q
       WHERE n.status IN ('PUBLISHED', 'SCHEDULED') AND n."publishedAt" <= q.now
         AND ntm_search_vector(n.number || ' ' || n.title, n.summary || ' ' || n."issuingBody", n."bodyHtml") @@ q.query
      UNION ALL
      SELECT 'document', d.id, d.slug, d.title, d.summary, NULL, d."docType" || ' ' || d.number, d."issuedDate"::timestamp,
             to_tsvector('simple', ntm_search_norm(d."docType" || ' ' || d.number || ' ' || d.title)) @@ q.phrase,
             to_tsvector('simple', ntm_search_norm(d."docType" || ' ' || d.number || ' ' || d.title)) @@ q.query,
             ts_rank_cd(ntm_search_vector(d."docType" || ' ' || d.number || ' ' || d.title, d.summary || ' ' || d.issuer, NULL), q.query, 1)
        FROM "Document" d, q
       WHERE d.status IN ('PUBLISHED', 'SCHEDULED') AND d."publishedAt" <= q.now
         AND ntm_search_vector(d."docType" || ' ' || d.number || ' ' || d.title, d.summary || ' ' || d.issuer, NULL) @@ q.query
    )
    SELECT (SELECT json_object_agg(kind, n) FROM (SELECT kind, count(*)::int AS n FROM hits GROUP BY kind) c) AS counts,
           (SELECT coalesce(json_agg(p), '[]'::json) FROM (
              SELECT kind, id, slug, title, summary, body, label, date FROM hits
               WHERE ${kind}::text IS NULL OR kind = ${kind}
               ORDER BY phrase_in_title DESC, in_title DESC, rank DESC, date DESC, kind, id
               LIMIT ${pageSize} OFFSET ${offset}) p) AS rows`;
  const counts = { ...NO_COUNTS, ...row.counts };
  const all = counts.article + counts.notice + counts.document;
  return {
    query,
    counts,
    suggestion: all === 0 ? await suggestion(query.words) : null,
    total: kind ? counts[kind] : all,
    results: row.rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      slug: r.slug,
      href: HREF[r.kind](r.slug),
      titleHtml: highlightHtml(r.title, query.words),
      snippetHtml: snippetHtml(r.body ? `${r.summary} ${htmlToText(r.body)}` : r.summary, query.words),
      labelHtml: r.label ? highlightHtml(r.label, query.words) : null,
      // json_agg writes a timestamp without time zone as "2020-05-28T17:00:00": UTC wall time
      date: new Date(`${r.date}Z`),
    })),
  };
}

/** The query with its unknown words replaced, written as the texts write them ("nông thôn mới"). */
async function suggestion(words: string[]): Promise<string | null> {
  const lexicon = await publicLexicon();
  const suggested = suggestWords(words, new Map(lexicon.map((w) => [w.word, w.texts])));
  return suggested ? spellWords(suggested, new Map(lexicon.map((w) => [w.word, w.spelling]))) : null;
}

/**
 * Every word of the published texts (folded, as indexed) with the number of texts holding it and
 * its most frequent written form: the vocabulary of "Có phải bạn muốn tìm". Published content
 * only, so no suggestion reveals a draft. Read once per change of the content (cached under its
 * tags), not per search.
 */
async function publicLexicon(): Promise<{ word: string; texts: number; spelling: string }[]> {
  return cachedRead(
    ["search-lexicon"],
    async () => {
      const published = `status IN ('PUBLISHED', 'SCHEDULED') AND "publishedAt" <= now() AT TIME ZONE 'UTC'`;
      const texts = `
        SELECT title, summary, "bodyHtml" AS body FROM "Article" WHERE ${published}
        UNION ALL SELECT number || ' ' || title, summary || ' ' || "issuingBody", "bodyHtml" FROM "Notice" WHERE ${published}
        UNION ALL SELECT "docType" || ' ' || number || ' ' || title, summary || ' ' || issuer, NULL FROM "Document" WHERE ${published}`;
      // the folded words, as the index has them, and the words as written (lower case), with counts
      const [folded, written] = await Promise.all([
        db.$queryRawUnsafe<{ word: string; texts: number }[]>(
          `SELECT word, ndoc AS texts FROM ts_stat($q$ SELECT ntm_search_vector(title, summary, body) FROM (${texts}) t $q$) WHERE word !~ '^[0-9]+$'`,
        ),
        db.$queryRawUnsafe<{ word: string; uses: number }[]>(
          `SELECT word, nentry AS uses FROM ts_stat($q$ SELECT to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' ||
             coalesce(regexp_replace(body, '<[^>]*>|&[#a-zA-Z0-9]+;', ' ', 'g'), '')) FROM (${texts}) t $q$) WHERE word !~ '^[0-9]+$'`,
        ),
      ]);
      return lexiconWithSpelling(folded, written);
    },
    { tags: [CACHE_TAGS.articles, CACHE_TAGS.notices, CACHE_TAGS.documents], revalidate: 3600 },
  );
}
