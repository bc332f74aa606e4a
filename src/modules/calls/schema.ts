import { index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../../db/columns.js';
import { exercises } from '../exercises/schema.js';

export const callStatuses = ['draft', 'published', 'closed', 'cancelled'] as const;
export type CallStatus = (typeof callStatuses)[number];

export const calls = pgTable(
  'calls',
  {
    id: id(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    considerations: jsonb('considerations').$type<string[]>().notNull().default([]),
    generalObjective: text('general_objective').notNull(),
    specificObjectives: jsonb('specific_objectives').$type<string[]>().notNull().default([]),
    requirements: jsonb('requirements').$type<string[]>().notNull().default([]),
    /** Themes a registrant can pick as interests (e.g. "Seguridad ciudadana", "Medio ambiente"). */
    themes: jsonb('themes').$type<string[]>().notNull().default([]),
    /**
     * The same themes in English, in the same order (empty: English pages show the Spanish ones). A sign-up stores the
     * Spanish theme whatever the language of its page.
     */
    themesEn: jsonb('themes_en').$type<string[]>().notNull().default([]),
    /** INEGI state code whose residents may register (the default eligibility rule). */
    eligibleStateCode: varchar('eligible_state_code', { length: 2 }).notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: callStatuses }).notNull().default('draft'),
    contactEmail: text('contact_email').notNull(),
    resultsText: text('results_text'),
    ...timestamps(),
  },
  (t) => [index('calls_exercise_idx').on(t.exerciseId)],
);
