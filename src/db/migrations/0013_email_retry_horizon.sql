ALTER TABLE "emails" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "retry_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "emails_next_attempt_idx" ON "emails" USING btree ("next_attempt_at");