import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../../db/columns.js';
import { institutions } from '../directory/schema.js';

/** The phases of an exercise, in order (DOMAIN.md). */
export const phases = [
  'sensitization',
  'call',
  'secretariat_installation',
  'diagnosis',
  'cocreation',
  'plan_approval',
  'implementation',
  'evaluation',
  'closed',
] as const;
export type Phase = (typeof phases)[number];

export const exercises = pgTable(
  'exercises',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    edition: integer('edition').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    stateCode: text('state_code').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    phase: text('phase', { enum: phases }).notNull().default('sensitization'),
    convenerInstitutionId: uuid('convener_institution_id')
      .notNull()
      .references(() => institutions.id),
    isDemo: boolean('is_demo').notNull().default(false),
    /**
     * Why an admin moved the phase by hand (public). A phase that follows the planned calendar (the scheduled job)
     * has none.
     */
    phaseReason: text('phase_reason'),
    /**
     * The day an admin last moved the phase by hand: the calendar moves it again only to a phase planned to start
     * after that day.
     */
    phaseMovedOn: date('phase_moved_on'),
    ...timestamps(),
  },
  (t) => [index('exercises_period_idx').on(t.periodStart)],
);

/** Planned dates of each phase of an exercise, drawn as its timeline. */
export const exercisePhases = pgTable(
  'exercise_phases',
  {
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    phase: text('phase', { enum: phases }).notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
  },
  (t) => [primaryKey({ columns: [t.exerciseId, t.phase] })],
);
