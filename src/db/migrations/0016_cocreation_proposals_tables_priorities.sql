CREATE TABLE "commitment_origins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"problem_id" uuid,
	"proposal_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_origins_one_subject" CHECK (num_nonnulls("commitment_origins"."problem_id", "commitment_origins"."proposal_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "prioritisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"published_at" timestamp with time zone,
	"selection_agreement_code" text,
	"selected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prioritisations_exercise_id_unique" UNIQUE("exercise_id")
);
--> statement-breakpoint
CREATE TABLE "priority_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"weight" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priority_criteria_weight" CHECK ("priority_criteria"."weight" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "problem_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_scores_range" CHECK ("problem_scores"."score" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"problem_id" uuid NOT NULL,
	"workshop_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"channel" text DEFAULT 'online' NOT NULL,
	"author_id" uuid,
	"recorded_by" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"hidden_reason" text,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_problems" (
	"workshop_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	CONSTRAINT "workshop_problems_workshop_id_problem_id_pk" PRIMARY KEY("workshop_id","problem_id")
);
--> statement-breakpoint
CREATE TABLE "workshop_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"accessibility_needs" text,
	"interpreter_language" text,
	"queued_at" timestamp with time zone NOT NULL,
	"queue_number" integer NOT NULL,
	"attended" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_url" text,
	"facilitator" text NOT NULL,
	"capacity" integer NOT NULL,
	"materials" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"closing_report" text,
	"attending_organisations" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshops_capacity" CHECK ("workshops"."capacity" between 1 and 1000),
	CONSTRAINT "workshops_where" CHECK (num_nonnulls("workshops"."place", "workshops"."online_url") >= 1),
	CONSTRAINT "workshops_times" CHECK ("workshops"."ends_at" > "workshops"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "reasoned_responses" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reasoned_responses" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "commitment_origins" ADD CONSTRAINT "commitment_origins_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_origins" ADD CONSTRAINT "commitment_origins_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_origins" ADD CONSTRAINT "commitment_origins_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prioritisations" ADD CONSTRAINT "prioritisations_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_criteria" ADD CONSTRAINT "priority_criteria_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_scores" ADD CONSTRAINT "problem_scores_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_scores" ADD CONSTRAINT "problem_scores_criterion_id_priority_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."priority_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_problems" ADD CONSTRAINT "workshop_problems_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_problems" ADD CONSTRAINT "workshop_problems_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_registrations" ADD CONSTRAINT "workshop_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_origins_problem_unique" ON "commitment_origins" USING btree ("commitment_id","problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_origins_proposal_unique" ON "commitment_origins" USING btree ("commitment_id","proposal_id");--> statement-breakpoint
CREATE INDEX "commitment_origins_problem_idx" ON "commitment_origins" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "commitment_origins_proposal_idx" ON "commitment_origins" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "priority_criteria_position_unique" ON "priority_criteria" USING btree ("exercise_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_scores_unique" ON "problem_scores" USING btree ("problem_id","criterion_id");--> statement-breakpoint
CREATE INDEX "problem_scores_criterion_idx" ON "problem_scores" USING btree ("criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_exercise_number_unique" ON "proposals" USING btree ("exercise_id","number");--> statement-breakpoint
CREATE INDEX "proposals_problem_idx" ON "proposals" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "proposals_workshop_idx" ON "proposals" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "proposals_text_trgm_idx" ON "proposals" USING gin (immutable_unaccent(title || ' ' || description) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "workshop_problems_problem_idx" ON "workshop_problems" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_registrations_person_unique" ON "workshop_registrations" USING btree ("workshop_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_registrations_queue_unique" ON "workshop_registrations" USING btree ("workshop_id","queue_number");--> statement-breakpoint
CREATE INDEX "workshop_registrations_status_idx" ON "workshop_registrations" USING btree ("workshop_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "workshops_exercise_number_unique" ON "workshops" USING btree ("exercise_id","number");--> statement-breakpoint
CREATE INDEX "problems_merged_into_idx" ON "problems" USING btree ("merged_into_id");