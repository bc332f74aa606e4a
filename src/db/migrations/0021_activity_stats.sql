CREATE TABLE "commitment_activity_stats" (
	"commitment_id" uuid PRIMARY KEY NOT NULL,
	"not_started" integer DEFAULT 0 NOT NULL,
	"in_progress" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"verified" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"open_due_dates" date[] DEFAULT '{}'::date[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commitment_activity_stats" ADD CONSTRAINT "commitment_activity_stats_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_open_due_idx" ON "activities" USING btree ("planned_end") WHERE "activities"."status" in ('not_started', 'in_progress');--> statement-breakpoint
-- Every existing commitment gets its figures, with the statement of src/modules/plan/core/activity-stats.ts.
INSERT INTO "commitment_activity_stats" ("commitment_id", "not_started", "in_progress", "done", "verified", "cancelled", "open_due_dates")
SELECT c.id,
       count(a.id) FILTER (WHERE a.status = 'not_started')::int,
       count(a.id) FILTER (WHERE a.status = 'in_progress')::int,
       count(a.id) FILTER (WHERE a.status = 'done')::int,
       count(a.id) FILTER (WHERE a.status = 'verified')::int,
       count(a.id) FILTER (WHERE a.status = 'cancelled')::int,
       coalesce(array_agg(a.planned_end ORDER BY a.planned_end)
                  FILTER (WHERE a.status IN ('not_started', 'in_progress') AND a.planned_end IS NOT NULL),
                '{}'::date[])
  FROM "commitments" c
  LEFT JOIN "milestones" m ON m.commitment_id = c.id
  LEFT JOIN "activities" a ON a.milestone_id = m.id
 GROUP BY c.id;
