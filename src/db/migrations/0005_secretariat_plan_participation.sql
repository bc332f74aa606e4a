CREATE TABLE "change_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" text DEFAULT 'comment' NOT NULL,
	"institution_id" uuid,
	"body" text NOT NULL,
	"status" text DEFAULT 'visible' NOT NULL,
	"hidden_reason" text,
	"hidden_by" uuid,
	"hidden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_digests" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followable_changes" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"from_seq" bigint NOT NULL,
	"unfollow_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_unfollow_token_unique" UNIQUE("unfollow_token")
);
--> statement-breakpoint
CREATE TABLE "agreement_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_votes" (
	"agreement_id" uuid NOT NULL,
	"seat_id" uuid NOT NULL,
	"vote" text NOT NULL,
	CONSTRAINT "agreement_votes_agreement_id_seat_id_pk" PRIMARY KEY("agreement_id","seat_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"decision_method" text NOT NULL,
	"outcome" text NOT NULL,
	"votes_for" integer DEFAULT 0 NOT NULL,
	"votes_against" integer DEFAULT 0 NOT NULL,
	"votes_abstain" integer DEFAULT 0 NOT NULL,
	"responsible" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_code_unique" UNIQUE("code"),
	CONSTRAINT "agreements_session_number_unique" UNIQUE("session_id","number")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secretariat_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secretariat_attendance" (
	"session_id" uuid NOT NULL,
	"seat_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secretariat_attendance_session_id_seat_id_pk" PRIMARY KEY("session_id","seat_id")
);
--> statement-breakpoint
CREATE TABLE "secretariat_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seat_id" uuid NOT NULL,
	"role" text NOT NULL,
	"display_name" text NOT NULL,
	"organization" text,
	"bio" text,
	"email" text,
	"user_id" uuid,
	"registration_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secretariat_seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secretariat_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"institution_id" uuid,
	"label" text,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secretariat_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secretariat_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 120 NOT NULL,
	"place" text,
	"online_url" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"convened_at" timestamp with time zone,
	"quorum_reached" boolean,
	"minutes_text" text,
	"minutes_url" text,
	"minutes_approved_at" timestamp with time zone,
	"recording_url" text,
	"cancellation_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secretariat_sessions_number_unique" UNIQUE("secretariat_id","kind","number")
);
--> statement-breakpoint
CREATE TABLE "secretariats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"installed_on" date NOT NULL,
	"quorum_rule" text DEFAULT 'more_than_half' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secretariats_exercise_id_unique" UNIQUE("exercise_id")
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"content" "bytea" NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"original_name" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"strategic_vision" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approval_agreement_id" uuid,
	"document_file_id" uuid,
	"progress" double precision DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plans_exercise_id_unique" UNIQUE("exercise_id"),
	CONSTRAINT "action_plans_period" CHECK ("action_plans"."period_end" >= "action_plans"."period_start")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"responsible_institution_id" uuid NOT NULL,
	"responsible_person" text,
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	"status" text DEFAULT 'not_started' NOT NULL,
	"closing_note" text,
	"cancellation_reason" text,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"author_id" uuid,
	"author_label" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_municipalities" (
	"commitment_id" uuid NOT NULL,
	"cvegeo" varchar(5) NOT NULL,
	CONSTRAINT "commitment_municipalities_commitment_id_cvegeo_pk" PRIMARY KEY("commitment_id","cvegeo")
);
--> statement-breakpoint
CREATE TABLE "commitment_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"role" text NOT NULL,
	"institution_id" uuid,
	"name" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_partners_who" CHECK ("commitment_partners"."institution_id" is not null or "commitment_partners"."name" is not null)
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"theme" text,
	"public_problem" text DEFAULT '' NOT NULL,
	"baseline" text DEFAULT '' NOT NULL,
	"causes" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"objective" text DEFAULT '' NOT NULL,
	"how_it_solves" text DEFAULT '' NOT NULL,
	"ogp_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"indicator" text DEFAULT '' NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"assumptions" text DEFAULT '' NOT NULL,
	"alignment_state_plan" text DEFAULT '' NOT NULL,
	"alignment_sdgs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"alignment_gender" text DEFAULT '' NOT NULL,
	"smart" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lead_institution_id" uuid NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"origin_problem_id" uuid,
	"origin_proposal_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"status_note" text,
	"approval_agreement_id" uuid,
	"modification_agreement_id" uuid,
	"progress" double precision DEFAULT 0 NOT NULL,
	"open_due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"file_id" uuid,
	"url" text,
	"description" text NOT NULL,
	"uploaded_by" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"rejection_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_file_or_url" CHECK (("evidence"."file_id" is null) <> ("evidence"."url" is null))
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"deliverable" text NOT NULL,
	"responsible_institution_id" uuid NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	"weight" integer DEFAULT 1 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancellation_reason" text,
	"progress" double precision DEFAULT 0 NOT NULL,
	"open_due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestones_weight_nonnegative" CHECK ("milestones"."weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE "progress_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"progress" double precision NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "call_mailings" ADD COLUMN "is_queueing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_digests" ADD CONSTRAINT "follow_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_links" ADD CONSTRAINT "agreement_links_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_updates" ADD CONSTRAINT "agreement_updates_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_votes" ADD CONSTRAINT "agreement_votes_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_votes" ADD CONSTRAINT "agreement_votes_seat_id_secretariat_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."secretariat_seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_session_id_secretariat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."secretariat_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretariat_agenda_items" ADD CONSTRAINT "secretariat_agenda_items_session_id_secretariat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."secretariat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretariat_attendance" ADD CONSTRAINT "secretariat_attendance_session_id_secretariat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."secretariat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretariat_attendance" ADD CONSTRAINT "secretariat_attendance_seat_id_secretariat_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."secretariat_seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretariat_memberships" ADD CONSTRAINT "secretariat_memberships_seat_id_secretariat_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."secretariat_seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretariat_memberships" ADD CONSTRAINT "secretariat_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretariat_memberships" ADD CONSTRAINT "secretariat_memberships_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretariat_seats" ADD CONSTRAINT "secretariat_seats_secretariat_id_secretariats_id_fk" FOREIGN KEY ("secretariat_id") REFERENCES "public"."secretariats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretariat_seats" ADD CONSTRAINT "secretariat_seats_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretariat_sessions" ADD CONSTRAINT "secretariat_sessions_secretariat_id_secretariats_id_fk" FOREIGN KEY ("secretariat_id") REFERENCES "public"."secretariats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretariats" ADD CONSTRAINT "secretariats_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_approval_agreement_id_agreements_id_fk" FOREIGN KEY ("approval_agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_document_file_id_stored_files_id_fk" FOREIGN KEY ("document_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_responsible_institution_id_institutions_id_fk" FOREIGN KEY ("responsible_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_notes" ADD CONSTRAINT "activity_notes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_notes" ADD CONSTRAINT "activity_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_municipalities" ADD CONSTRAINT "commitment_municipalities_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_municipalities" ADD CONSTRAINT "commitment_municipalities_cvegeo_municipalities_cvegeo_fk" FOREIGN KEY ("cvegeo") REFERENCES "public"."municipalities"("cvegeo") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_partners" ADD CONSTRAINT "commitment_partners_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_partners" ADD CONSTRAINT "commitment_partners_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_lead_institution_id_institutions_id_fk" FOREIGN KEY ("lead_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_approval_agreement_id_agreements_id_fk" FOREIGN KEY ("approval_agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_modification_agreement_id_agreements_id_fk" FOREIGN KEY ("modification_agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_responsible_institution_id_institutions_id_fk" FOREIGN KEY ("responsible_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comment_reports_unique" ON "comment_reports" USING btree ("comment_id","reporter_id");--> statement-breakpoint
CREATE INDEX "comments_target_idx" ON "comments" USING btree ("target_type","target_id","created_at");--> statement-breakpoint
CREATE INDEX "followable_changes_target_idx" ON "followable_changes" USING btree ("target_type","target_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "follows_unique" ON "follows" USING btree ("user_id","target_type","target_id");--> statement-breakpoint
CREATE INDEX "follows_target_idx" ON "follows" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "agreement_links_agreement_idx" ON "agreement_links" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_links_record_idx" ON "agreement_links" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "agreement_updates_agreement_idx" ON "agreement_updates" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreements_status_idx" ON "agreements" USING btree ("status");--> statement-breakpoint
CREATE INDEX "documents_record_idx" ON "documents" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "secretariat_agenda_items_session_idx" ON "secretariat_agenda_items" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "secretariat_memberships_seat_idx" ON "secretariat_memberships" USING btree ("seat_id");--> statement-breakpoint
CREATE INDEX "secretariat_memberships_user_idx" ON "secretariat_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "secretariat_seats_secretariat_idx" ON "secretariat_seats" USING btree ("secretariat_id");--> statement-breakpoint
CREATE INDEX "secretariat_sessions_starts_idx" ON "secretariat_sessions" USING btree ("secretariat_id","starts_at");--> statement-breakpoint
CREATE INDEX "stored_files_sha256_idx" ON "stored_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "activities_milestone_idx" ON "activities" USING btree ("milestone_id","position");--> statement-breakpoint
CREATE INDEX "activities_institution_idx" ON "activities" USING btree ("responsible_institution_id","status");--> statement-breakpoint
CREATE INDEX "activity_notes_activity_idx" ON "activity_notes" USING btree ("activity_id","created_at");--> statement-breakpoint
CREATE INDEX "commitment_municipalities_cvegeo_idx" ON "commitment_municipalities" USING btree ("cvegeo");--> statement-breakpoint
CREATE INDEX "commitment_partners_commitment_idx" ON "commitment_partners" USING btree ("commitment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_plan_number_unique" ON "commitments" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "commitments_lead_idx" ON "commitments" USING btree ("lead_institution_id");--> statement-breakpoint
CREATE INDEX "evidence_activity_idx" ON "evidence" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "milestones_commitment_idx" ON "milestones" USING btree ("commitment_id","position");--> statement-breakpoint
CREATE INDEX "progress_snapshots_scope_idx" ON "progress_snapshots" USING btree ("scope","scope_id","recorded_at");