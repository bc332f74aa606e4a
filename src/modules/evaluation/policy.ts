import { isSystemActor, type ActingParty, type Actor } from '../../kernel/actor.js';
import { AppError } from '../../shared/errors.js';

/*
 * Who may do what in the evaluation, per commitment. Deny by default: each function answers true only for the
 * cases it names. The portal itself (the demo seed, the command line) may act.
 */

/** The institutions an actor is a liaison of. */
const liaisonInstitutions = (actor: Actor) =>
  actor.roles.filter((r) => r.role === 'liaison' && r.institutionId).map((r) => r.institutionId!);

/** Progress reports: the liaisons of the commitment's lead institution. */
export const canReportProgress = (actor: Actor | undefined, commitment: { leadInstitutionId: string }) =>
  Boolean(actor) && liaisonInstitutions(actor!).includes(commitment.leadInstitutionId);

/**
 * Assessments: an evaluator who holds no role bound to the commitment's lead institution (in particular, who is not
 * one of its liaisons): an assessment is independent of whoever implements the commitment.
 */
export const canAssess = (actor: Actor | undefined, commitment: { leadInstitutionId: string }) =>
  Boolean(actor) &&
  actor!.roles.some((r) => r.role === 'evaluator') &&
  !actor!.roles.some((r) => r.institutionId === commitment.leadInstitutionId);

export function assertCanReportProgress(actor: ActingParty, commitment: { leadInstitutionId: string }) {
  if (isSystemActor(actor)) return;
  if (!canReportProgress(actor, commitment))
    throw new AppError('forbidden', 'only the lead institution’s liaisons report progress');
}

export function assertCanAssess(actor: ActingParty, commitment: { leadInstitutionId: string }) {
  if (isSystemActor(actor)) return;
  if (!canAssess(actor, commitment))
    throw new AppError('forbidden', 'only an evaluator independent of the lead institution assesses');
}
