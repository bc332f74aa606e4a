import type { ActingParty, StaffRole } from '../../kernel/actor.js';
import { hasRole, isSystemActor, type Actor } from '../../kernel/actor.js';

/** Who moderates problems (hides them with a reason) and disposes of them with a reasoned response. */
export const moderatorRoles = ['admin', 'facilitator'] as const satisfies readonly StaffRole[];

export const canModerateProblems = (actor: Actor | undefined) => moderatorRoles.some((role) => hasRole(actor, role));

/** A person who may submit or support problems: signed in with a confirmed e-mail address. */
export const isConfirmedPerson = (actor: ActingParty): actor is Actor =>
  !isSystemActor(actor) && actor.isEmailConfirmed;

/**
 * Who captures problems and supports handed in on paper at a table (channel in_person, with the scanned form): the
 * moderators, who also see the scans.
 */
export const paperCaptureRoles = moderatorRoles;
