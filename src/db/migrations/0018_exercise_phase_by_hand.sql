ALTER TABLE "exercises" ADD COLUMN "phase_reason" text;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "phase_moved_on" date;