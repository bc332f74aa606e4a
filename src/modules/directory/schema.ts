import { boolean, check, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from '../../db/columns.js';

/** INEGI geostatistical areas: `cvegeo` is the 5-digit municipal code (2 of the state + 3 of the municipality). */
export const municipalities = pgTable(
  'municipalities',
  {
    cvegeo: varchar('cvegeo', { length: 5 }).primaryKey(),
    stateCode: varchar('state_code', { length: 2 }).notNull(),
    name: text('name').notNull(),
    population: integer('population').notNull(),
  },
  (t) => [
    index('municipalities_state_idx').on(t.stateCode),
    check('municipalities_cvegeo_digits', sql`${t.cvegeo} ~ '^[0-9]{5}$'`),
  ],
);

export const institutionKinds = [
  'guarantor',
  'state_executive',
  'state_legislative',
  'state_judicial',
  'municipal_government',
  'autonomous_body',
  'civil_society_org',
  'academia',
  'private_sector',
  'professional_college',
  'collective',
] as const;
export type InstitutionKind = (typeof institutionKinds)[number];

export const institutions = pgTable(
  'institutions',
  {
    id: id(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    kind: text('kind', { enum: institutionKinds }).notNull(),
    isGovernment: boolean('is_government').notNull(),
    municipalityCvegeo: varchar('municipality_cvegeo', { length: 5 }).references(() => municipalities.cvegeo),
    website: text('website'),
    contactEmail: text('contact_email'),
    ...timestamps(),
  },
  (t) => [index('institutions_kind_idx').on(t.kind)],
);
