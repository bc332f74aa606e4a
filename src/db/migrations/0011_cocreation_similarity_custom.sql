-- Similar problems (src/modules/cocreation/find-similar-problems.ts): trigram GIN indexes on the unaccented title and
-- on the unaccented title and description of each problem, so the similarity operator (%) uses an index. The
-- expressions must stay identical to the ones in find-similar-problems.ts.
CREATE INDEX IF NOT EXISTS problems_title_trgm_idx ON problems USING gin (immutable_unaccent(title) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS problems_text_trgm_idx ON problems USING gin (immutable_unaccent(title || ' ' || description) gin_trgm_ops);
