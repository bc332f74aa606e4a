import { z } from 'zod';
import { calendarDate } from '../../../shared/calendar-date.js';

const optionalDate = (field: string) => calendarDate(`${field}.invalid`).nullable().default(null);

const endsAfterStart = (start: 'plannedStart' | 'actualStart', end: 'plannedEnd' | 'actualEnd') => ({
  check: (v: Record<string, string | null | unknown>) => !v[start] || !v[end] || String(v[end]) >= String(v[start]),
  issue: { message: `${end}.beforeStart`, path: [end] },
});
const planned = endsAfterStart('plannedStart', 'plannedEnd');
const actual = endsAfterStart('actualStart', 'actualEnd');

/** A milestone as an admin writes it. Messages are key suffixes of `plan.error.*`. */
export const milestoneFields = z
  .object({
    title: z.string().trim().min(3, 'title.required').max(300, 'title.tooLong'),
    deliverable: z.string().trim().min(3, 'deliverable.required').max(5000, 'deliverable.tooLong'),
    responsibleInstitutionId: z.uuid('responsibleInstitutionId.required'),
    plannedStart: optionalDate('plannedStart'),
    plannedEnd: optionalDate('plannedEnd'),
    actualStart: optionalDate('actualStart'),
    actualEnd: optionalDate('actualEnd'),
    weight: z
      .number('weight.invalid')
      .int('weight.invalid')
      .min(0, 'weight.invalid')
      .max(1000, 'weight.invalid')
      .default(1),
    position: z.number().int().min(0).optional(),
  })
  .refine(planned.check, planned.issue)
  .refine(actual.check, actual.issue);
export type MilestoneFields = z.input<typeof milestoneFields>;

/** An activity as an admin writes it. */
export const activityFields = z
  .object({
    title: z.string().trim().min(3, 'title.required').max(300, 'title.tooLong'),
    description: z.string().trim().max(5000, 'description.tooLong').default(''),
    responsibleInstitutionId: z.uuid('responsibleInstitutionId.required'),
    responsiblePerson: z.string().trim().max(200, 'responsiblePerson.tooLong').nullable().default(null),
    plannedStart: optionalDate('plannedStart'),
    plannedEnd: optionalDate('plannedEnd'),
    position: z.number().int().min(0).optional(),
  })
  .refine(planned.check, planned.issue);
export type ActivityFields = z.input<typeof activityFields>;
