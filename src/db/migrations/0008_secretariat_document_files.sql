ALTER TABLE "documents" ALTER COLUMN "url" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "file_id" uuid;--> statement-breakpoint
ALTER TABLE "secretariat_sessions" ADD COLUMN "minutes_file_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretariat_sessions" ADD CONSTRAINT "secretariat_sessions_minutes_file_id_stored_files_id_fk" FOREIGN KEY ("minutes_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_file_or_url" CHECK (("documents"."file_id" is null) <> ("documents"."url" is null));--> statement-breakpoint
ALTER TABLE "secretariat_sessions" ADD CONSTRAINT "secretariat_sessions_minutes_file_or_url" CHECK ("secretariat_sessions"."minutes_file_id" is null or "secretariat_sessions"."minutes_url" is null);