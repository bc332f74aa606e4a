import type { Actor } from '../../kernel/actor.js';
import { pageSlot } from '../../kernel/page-sections.js';

/** Who the desk or the work list is for. */
export interface WorkSubject {
  actor: Actor;
}

/**
 * The admin's desk (/admin): every area of the portal as a card, with what waits there (sign-ups to review, evidence
 * to verify, reported comments...). Each later module adds its cards here, so accounts never imports them.
 */
export const adminDeskSlot = pageSlot<WorkSubject>('accounts.admin-desk');

/**
 * A staff member's own work (/mi-trabajo): liaisons, Secretariat members, evaluators and facilitators see what waits
 * for them. A section renders nothing when its work is not theirs.
 */
export const myWorkSlot = pageSlot<WorkSubject>('accounts.my-work');

/** Roles that have a "my work" page: every staff role but the admin's (whose desk is /admin). */
export const workRoles = ['facilitator', 'secretariat_member', 'liaison', 'evaluator'] as const;
export const hasOwnWork = (actor: Pick<Actor, 'roles'> | undefined) =>
  (actor?.roles ?? []).some((r) => (workRoles as readonly string[]).includes(r.role));
