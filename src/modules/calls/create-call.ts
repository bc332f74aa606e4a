import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { callStatuses, calls } from './schema.js';

/**
 * What an admin writes in a call. Messages are key suffixes of `calls.error.*` (see web/forms.ts `fieldErrors`),
 * so the form shows each problem next to its field.
 */
const listOf = (field: string, maxItems: number, maxLength: number) =>
  z
    .array(z.string().trim().min(1).max(maxLength, `${field}.itemTooLong`))
    .max(maxItems, `${field}.tooMany`)
    .default([]);

export const callFields = z.object({
  title: z.string().trim().min(1, 'title.required').min(3, 'title.tooShort').max(300, 'title.tooLong'),
  summary: z.string().trim().min(1, 'summary.required').min(3, 'summary.tooShort').max(2000, 'summary.tooLong'),
  considerations: listOf('considerations', 50, 5000),
  generalObjective: z
    .string()
    .trim()
    .min(1, 'generalObjective.required')
    .min(3, 'generalObjective.tooShort')
    .max(5000, 'generalObjective.tooLong'),
  specificObjectives: listOf('specificObjectives', 50, 5000),
  requirements: listOf('requirements', 50, 2000).refine((list) => list.length > 0, 'requirements.required'),
  themes: listOf('themes', 40, 120),
  themesEn: listOf('themesEn', 40, 120),
  opensAt: z.date(),
  closesAt: z.date(),
  contactEmail: z.email('contactEmail.invalid').max(254, 'contactEmail.invalid'),
  resultsText: z.string().trim().max(10000, 'resultsText.tooLong').optional(),
});

const closesAfterOpens = (value: { opensAt: Date; closesAt: Date }) => value.opensAt < value.closesAt;
const closesAfterOpensIssue = { message: 'closesAt.beforeOpens', path: ['closesAt'] };

/**
 * The English themes are none (English pages then show the Spanish ones) or one for each Spanish theme, in its order:
 * fewer or more would put an English label on the wrong Spanish theme.
 */
export const themesMisalignment = (themes: readonly string[], themesEn: readonly string[]) =>
  themesEn.length === 0 || themesEn.length === themes.length
    ? undefined
    : themesEn.length < themes.length
      ? 'themesEn.fewer'
      : 'themesEn.more';
const themesAligned = <T extends { themes: string[]; themesEn: string[] }>(
  value: T,
  context: z.core.$RefinementCtx<T>,
) => {
  const message = themesMisalignment(value.themes, value.themesEn);
  if (message) context.addIssue({ code: 'custom', path: ['themesEn'], message });
};

/** The fields of a call an admin may correct (not its exercise nor its status). */
export const callFieldsInput = callFields.refine(closesAfterOpens, closesAfterOpensIssue).superRefine(themesAligned);
export type CallFieldsInput = z.input<typeof callFieldsInput>;

export const createCallInput = callFields
  .extend({
    exerciseId: z.uuid(),
    /** INEGI state code whose residents may register: the exercise's state. */
    eligibleStateCode: z.string().regex(/^\d{2}$/),
    status: z.enum(callStatuses).default('draft'),
  })
  .refine(closesAfterOpens, closesAfterOpensIssue)
  .superRefine(themesAligned);
export type CreateCallInput = z.input<typeof createCallInput>;

/**
 * Creates a call. A draft is a private working copy, so it does not enter the public change log (which is open
 * data): its history starts when it is published (see publishCall). A call created already public is logged now.
 */
export async function createCall(db: Db, input: CreateCallInput, actor: ActingParty) {
  assertHoldsRole(actor, 'admin');
  const values = createCallInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(calls).values(values).returning();
    if (row!.status !== 'draft')
      await appendChange(tx, {
        actor: changeActorOf(actor),
        recordType: 'call',
        recordId: row!.id,
        action: 'create',
        after: row,
      });
    return row!;
  });
}
