import { z } from 'zod';
import { calendarDate } from '../../../shared/calendar-date.js';
import { ogpValues, partnerRoles, smartCriteria } from '../schema.js';

const text = (field: string, max = 20000) => z.string().trim().max(max, `${field}.tooLong`).default('');
const optionalDate = (field: string) => calendarDate(`${field}.invalid`).nullable().default(null);

const justification = z.string().trim().max(5000, 'justification.tooLong');

/**
 * Every field of the OGP commitment template (DOMAIN.md). Only the title and lead institution are needed to save a
 * draft; proposing it for approval needs the SMART checklist complete (see propose-commitment.ts).
 * Messages are key suffixes of `plan.error.*`.
 */
export const commitmentFields = z
  .object({
    title: z.string().trim().min(3, 'title.required').max(300, 'title.tooLong'),
    theme: z.string().trim().max(120, 'theme.tooLong').nullable().default(null),
    publicProblem: text('publicProblem'),
    baseline: text('baseline'),
    causes: text('causes'),
    description: text('description'),
    objective: text('objective'),
    howItSolves: text('howItSolves'),
    ogpValues: z.partialRecord(z.enum(ogpValues), z.object({ relevant: z.boolean(), justification })).default({}),
    indicator: text('indicator', 5000),
    goal: text('goal', 5000),
    assumptions: text('assumptions'),
    alignmentStatePlan: text('alignmentStatePlan', 5000),
    alignmentSdgs: z
      .array(z.number().int().min(1, 'alignmentSdgs.invalid').max(17, 'alignmentSdgs.invalid'))
      .max(17)
      .default([]),
    alignmentGender: text('alignmentGender', 5000),
    smart: z.partialRecord(z.enum(smartCriteria), z.object({ met: z.boolean(), justification })).default({}),
    leadInstitutionId: z.uuid('leadInstitutionId.required'),
    contacts: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(200),
          position: z.string().trim().max(200).optional(),
          institution: z.string().trim().max(300).optional(),
          email: z.email('contacts.invalid').optional(),
          phone: z.string().trim().max(40).optional(),
        }),
      )
      .max(20)
      .default([]),
    startsOn: optionalDate('startsOn'),
    endsOn: optionalDate('endsOn'),
    originProblemId: z.uuid().nullable().default(null),
    originProposalId: z.uuid().nullable().default(null),
    municipalities: z
      .array(z.string().regex(/^\d{5}$/, 'municipalities.invalid'))
      .max(100)
      .default([]),
    partners: z
      .array(
        z
          .object({
            role: z.enum(partnerRoles),
            institutionId: z.uuid().nullable().default(null),
            name: z.string().trim().max(300).nullable().default(null),
          })
          .refine((p) => p.institutionId || p.name, 'partners.invalid'),
      )
      .max(60)
      .default([]),
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    message: 'endsOn.beforeStart',
    path: ['endsOn'],
  });
export type CommitmentFields = z.input<typeof commitmentFields>;
export type CommitmentValues = z.output<typeof commitmentFields>;

/** The SMART criteria still missing a tick or a justification (empty when the commitment may be proposed). */
export const missingSmart = (smart: CommitmentValues['smart']) =>
  smartCriteria.filter((c) => !smart[c]?.met || !smart[c]?.justification.trim());
