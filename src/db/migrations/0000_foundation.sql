CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"kind" text NOT NULL,
	"is_government" boolean NOT NULL,
	"municipality_cvegeo" varchar(5),
	"website" text,
	"contact_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"cvegeo" varchar(5) PRIMARY KEY NOT NULL,
	"state_code" varchar(2) NOT NULL,
	"name" text NOT NULL,
	"population" integer NOT NULL,
	CONSTRAINT "municipalities_cvegeo_digits" CHECK ("municipalities"."cvegeo" ~ '^[0-9]{5}$')
);
--> statement-breakpoint
CREATE TABLE "exercise_phases" (
	"exercise_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	CONSTRAINT "exercise_phases_exercise_id_phase_pk" PRIMARY KEY("exercise_id","phase")
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"edition" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"state_code" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"phase" text DEFAULT 'sensitization' NOT NULL,
	"convener_institution_id" uuid NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"considerations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"general_objective" text NOT NULL,
	"specific_objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requirements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligible_state_code" varchar(2) NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"contact_email" text NOT NULL,
	"results_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"responsible" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_notices_kind_version" UNIQUE("kind","version")
);
--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_municipality_cvegeo_municipalities_cvegeo_fk" FOREIGN KEY ("municipality_cvegeo") REFERENCES "public"."municipalities"("cvegeo") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_phases" ADD CONSTRAINT "exercise_phases_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_convener_institution_id_institutions_id_fk" FOREIGN KEY ("convener_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "institutions_kind_idx" ON "institutions" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "municipalities_state_idx" ON "municipalities" USING btree ("state_code");--> statement-breakpoint
CREATE INDEX "exercises_period_idx" ON "exercises" USING btree ("period_start");--> statement-breakpoint
CREATE INDEX "calls_exercise_idx" ON "calls" USING btree ("exercise_id");