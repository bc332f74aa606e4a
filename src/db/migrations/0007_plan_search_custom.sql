-- Search across the plans (src/modules/plan/search-plan.ts): trigram GIN indexes on the unaccented searched text of
-- commitments, milestones and activities, so `ILIKE '%term%'` (accents and case ignored) uses an index instead of
-- reading every row. The expressions must stay identical to the ones in search-plan.ts.
CREATE INDEX IF NOT EXISTS commitments_search_trgm_idx ON commitments
  USING gin (immutable_unaccent(title || ' ' || coalesce(theme, '') || ' ' || description || ' ' || public_problem || ' ' || objective) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS milestones_search_trgm_idx ON milestones USING gin (immutable_unaccent(title || ' ' || deliverable) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS activities_search_trgm_idx ON activities USING gin (immutable_unaccent(title || ' ' || description) gin_trgm_ops);
