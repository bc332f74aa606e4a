CREATE TABLE "problem_municipalities" (
	"problem_id" uuid NOT NULL,
	"cvegeo" varchar(5) NOT NULL,
	CONSTRAINT "problem_municipalities_problem_id_cvegeo_pk" PRIMARY KEY("problem_id","cvegeo")
);
--> statement-breakpoint
CREATE TABLE "problem_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"details" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_supports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"user_id" uuid,
	"channel" text DEFAULT 'online' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"evidence_url" text,
	"theme" text NOT NULL,
	"channel" text DEFAULT 'online' NOT NULL,
	"author_id" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"merged_into_id" uuid,
	"hidden_reason" text,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reasoned_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reason_code" text NOT NULL,
	"explanation" text NOT NULL,
	"agreement_code" text,
	"decider_label" text NOT NULL,
	"decider_institution_id" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "problem_municipalities" ADD CONSTRAINT "problem_municipalities_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_municipalities" ADD CONSTRAINT "problem_municipalities_cvegeo_municipalities_cvegeo_fk" FOREIGN KEY ("cvegeo") REFERENCES "public"."municipalities"("cvegeo") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_supports" ADD CONSTRAINT "problem_supports_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_supports" ADD CONSTRAINT "problem_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_merged_into_id_problems_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reasoned_responses" ADD CONSTRAINT "reasoned_responses_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reasoned_responses" ADD CONSTRAINT "reasoned_responses_decider_institution_id_institutions_id_fk" FOREIGN KEY ("decider_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_municipalities_cvegeo_idx" ON "problem_municipalities" USING btree ("cvegeo");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_reports_unique" ON "problem_reports" USING btree ("problem_id","reporter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_supports_person_unique" ON "problem_supports" USING btree ("problem_id","user_id");--> statement-breakpoint
CREATE INDEX "problem_supports_problem_idx" ON "problem_supports" USING btree ("problem_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "problems_exercise_number_unique" ON "problems" USING btree ("exercise_id","number");--> statement-breakpoint
CREATE INDEX "problems_exercise_status_idx" ON "problems" USING btree ("exercise_id","status");--> statement-breakpoint
CREATE INDEX "reasoned_responses_subject_idx" ON "reasoned_responses" USING btree ("subject_type","subject_id","decided_at");--> statement-breakpoint
CREATE INDEX "reasoned_responses_exercise_idx" ON "reasoned_responses" USING btree ("exercise_id");