-- Public search (/tim-kiem) across news, conclusion notices and documents, insensitive to
-- Vietnamese diacritics and case: "nong thon moi" finds "Nông thôn mới".
--
-- Text is folded by ntm_search_norm (unaccent, lower case, every run of non-alphanumerics → one
-- space, so "58/TB-UBND" gives the words 58, tb, ubnd), then indexed as a 'simple' tsvector
-- (no stemming, no stop words: Vietnamese words are syllables and are matched whole). The
-- application folds the query the same way (lib/search/rules.ts) and asks for every word.
--
-- The indexes are GIN expression indexes on ntm_search_vector(...): Prisma's schema diff does
-- not see expression indexes, so `npm run db:migrate -- check` reports no drift, and queries must
-- repeat the indexed expression exactly (lib/search/queries.ts) for the planner to use them.

-- Names inside the functions are schema-qualified: index builds and maintenance (PostgreSQL ≥ 17)
-- run with a search_path of pg_catalog only.
-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes the
-- wrapper safe to declare IMMUTABLE, which an index expression needs.
CREATE FUNCTION ntm_search_norm(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, $1)), '[^[:alnum:]]+', ' ', 'g') $$;

-- a: title (weight A), b: summary and other short fields (B), c: rich-text body (C; tags and
-- entities dropped). Not STRICT: a document has no body.
CREATE FUNCTION ntm_search_vector(a text, b text, c text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('simple'::regconfig, coalesce(public.ntm_search_norm(a), '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(public.ntm_search_norm(b), '')), 'B')
        || setweight(to_tsvector('simple'::regconfig, coalesce(public.ntm_search_norm(regexp_replace(c, '<[^>]*>|&[#a-zA-Z0-9]+;', ' ', 'g')), '')), 'C')
  $$;

CREATE INDEX "Article_search_idx" ON "Article"
  USING gin (ntm_search_vector(title, summary, "bodyHtml"));

CREATE INDEX "Notice_search_idx" ON "Notice"
  USING gin (ntm_search_vector(number || ' ' || title, summary || ' ' || "issuingBody", "bodyHtml"));

CREATE INDEX "Document_search_idx" ON "Document"
  USING gin (ntm_search_vector("docType" || ' ' || number || ' ' || title, summary || ' ' || issuer, NULL));
