import { desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { calls } from './schema.js';

/** The contact e-mail of every public call with the body that convenes it, newest first. */
export function listCallContacts(db: Db) {
  return db
    .select({ callTitle: calls.title, email: calls.contactEmail, institution: institutions.name })
    .from(calls)
    .innerJoin(exercises, eq(exercises.id, calls.exerciseId))
    .innerJoin(institutions, eq(institutions.id, exercises.convenerInstitutionId))
    .where(ne(calls.status, 'draft'))
    .orderBy(desc(calls.opensAt));
}
