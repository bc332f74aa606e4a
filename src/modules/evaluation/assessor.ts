import { z } from 'zod';
import { isSystemActor, type ActingParty } from '../../kernel/actor.js';

/** How an evaluator signs an assessment in public: a public name and an organisation (never an e-mail). */
export const assessorFields = {
  assessorName: z.string().trim().min(1, 'assessorName.required').max(200, 'assessorName.tooLong'),
  assessorOrganisation: z
    .string()
    .trim()
    .min(1, 'assessorOrganisation.required')
    .max(300, 'assessorOrganisation.tooLong'),
};

/** The account behind an assessment (kept, never published). */
export const assessorIdOf = (actor: ActingParty) => (isSystemActor(actor) ? null : actor.userId);

/** What the change log and the open data show of an assessment: the public name and organisation, not the account. */
export const publicAssessment = <Row extends { assessorId: string | null }>(row: Row): Omit<Row, 'assessorId'> => {
  const { assessorId: _assessorId, ...rest } = row;
  return rest;
};
