CREATE TABLE "call_mailing_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mailing_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"email_id" uuid
);
--> statement-breakpoint
CREATE TABLE "call_mailings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"subject_es" text NOT NULL,
	"body_es" text NOT NULL,
	"subject_en" text NOT NULL,
	"body_en" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"user_id" uuid,
	"full_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"municipality_cvegeo" varchar(5) NOT NULL,
	"sector" text NOT NULL,
	"organization" text,
	"institution_id" uuid,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"motivation" text NOT NULL,
	"accepts_honorary" boolean NOT NULL,
	"privacy_notice_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"status" text DEFAULT 'pending_confirmation' NOT NULL,
	"rejection_reason" text,
	"confirmed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "themes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "call_mailing_recipients" ADD CONSTRAINT "call_mailing_recipients_mailing_id_call_mailings_id_fk" FOREIGN KEY ("mailing_id") REFERENCES "public"."call_mailings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_mailing_recipients" ADD CONSTRAINT "call_mailing_recipients_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_mailing_recipients" ADD CONSTRAINT "call_mailing_recipients_email_id_emails_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."emails"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_mailings" ADD CONSTRAINT "call_mailings_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_mailings" ADD CONSTRAINT "call_mailings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_municipality_cvegeo_municipalities_cvegeo_fk" FOREIGN KEY ("municipality_cvegeo") REFERENCES "public"."municipalities"("cvegeo") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_privacy_notice_id_privacy_notices_id_fk" FOREIGN KEY ("privacy_notice_id") REFERENCES "public"."privacy_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "call_mailing_recipients_unique" ON "call_mailing_recipients" USING btree ("mailing_id","registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_call_email_unique" ON "registrations" USING btree ("call_id",lower("email"));--> statement-breakpoint
CREATE INDEX "registrations_call_status_idx" ON "registrations" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "registrations_municipality_idx" ON "registrations" USING btree ("call_id","municipality_cvegeo");