CREATE TABLE "design_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"method" text NOT NULL,
	"verifiability" text NOT NULL,
	"og_values" jsonb,
	"potential" text,
	"potential_justification" text,
	"is_promising" boolean DEFAULT false NOT NULL,
	"promising_justification" text,
	"assessed_on" date NOT NULL,
	"assessor_id" uuid,
	"assessor_name" text NOT NULL,
	"assessor_organisation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "design_assessments_commitment_id_unique" UNIQUE("commitment_id"),
	CONSTRAINT "design_assessments_not_verifiable_stops" CHECK ("design_assessments"."verifiability" = 'verifiable' or ("design_assessments"."og_values" is null and "design_assessments"."potential" is null and "design_assessments"."is_promising" = false)),
	CONSTRAINT "design_assessments_verifiable_complete" CHECK ("design_assessments"."verifiability" = 'not_verifiable' or ("design_assessments"."og_values" is not null and "design_assessments"."potential" is not null)),
	CONSTRAINT "design_assessments_promising_justified" CHECK ("design_assessments"."is_promising" = false or ("design_assessments"."method" = 'irm_2021' and "design_assessments"."promising_justification" is not null))
);
--> statement-breakpoint
CREATE TABLE "end_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"method" text NOT NULL,
	"completion" text NOT NULL,
	"opened_government" text NOT NULL,
	"narrative" text NOT NULL,
	"evidence_urls" jsonb NOT NULL,
	"progress_at_assessment" double precision NOT NULL,
	"complete_justification" text,
	"final_report_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"assessor_id" uuid,
	"assessor_name" text NOT NULL,
	"assessor_organisation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "end_assessments_commitment_id_unique" UNIQUE("commitment_id"),
	CONSTRAINT "end_assessments_evidence" CHECK (jsonb_array_length("end_assessments"."evidence_urls") >= 1),
	CONSTRAINT "end_assessments_complete_justified" CHECK ("end_assessments"."completion" <> 'complete' or "end_assessments"."progress_at_assessment" >= 100 or "end_assessments"."complete_justification" is not null)
);
--> statement-breakpoint
CREATE TABLE "evaluation_methods" (
	"exercise_id" uuid PRIMARY KEY NOT NULL,
	"method" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"period" text NOT NULL,
	"narrative" text NOT NULL,
	"declared_status" text NOT NULL,
	"progress_at_report" double precision NOT NULL,
	"reported_on" date NOT NULL,
	"institution_id" uuid NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_reports_progress_range" CHECK ("progress_reports"."progress_at_report" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "design_assessments" ADD CONSTRAINT "design_assessments_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_assessments" ADD CONSTRAINT "design_assessments_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "end_assessments" ADD CONSTRAINT "end_assessments_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "end_assessments" ADD CONSTRAINT "end_assessments_final_report_id_progress_reports_id_fk" FOREIGN KEY ("final_report_id") REFERENCES "public"."progress_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "end_assessments" ADD CONSTRAINT "end_assessments_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_methods" ADD CONSTRAINT "evaluation_methods_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "end_assessments_completion_idx" ON "end_assessments" USING btree ("completion");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_commitment_period_unique" ON "progress_reports" USING btree ("commitment_id","period");