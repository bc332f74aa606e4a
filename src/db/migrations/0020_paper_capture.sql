ALTER TABLE "problem_supports" ADD COLUMN "captured_by" uuid;--> statement-breakpoint
ALTER TABLE "problem_supports" ADD COLUMN "scan_file_id" uuid;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "captured_by" uuid;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "scan_file_id" uuid;--> statement-breakpoint
ALTER TABLE "problem_supports" ADD CONSTRAINT "problem_supports_captured_by_users_id_fk" FOREIGN KEY ("captured_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_supports" ADD CONSTRAINT "problem_supports_scan_file_id_stored_files_id_fk" FOREIGN KEY ("scan_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_captured_by_users_id_fk" FOREIGN KEY ("captured_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_scan_file_id_stored_files_id_fk" FOREIGN KEY ("scan_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_supports_scan_file_idx" ON "problem_supports" USING btree ("scan_file_id");--> statement-breakpoint
CREATE INDEX "problems_scan_file_idx" ON "problems" USING btree ("scan_file_id");