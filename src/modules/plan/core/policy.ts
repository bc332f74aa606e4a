import type { Actor } from '../../../kernel/actor.js';

/*
 * Who may do what with the plan, per object. Deny by default: each function answers true only for the cases it names.
 */

const holds = (actor: Actor | undefined, role: Actor['roles'][number]['role']) =>
  actor?.roles.some((r) => r.role === role) ?? false;

/** Admins write plans, commitments, milestones and activities. */
export const canManagePlan = (actor: Actor | undefined) => holds(actor, 'admin');

/** The institutions an actor is a liaison of. */
export const liaisonInstitutions = (actor: Actor | undefined) =>
  (actor?.roles ?? []).filter((r) => r.role === 'liaison' && r.institutionId).map((r) => r.institutionId!);

/**
 * Recording progress (start, notes, evidence, done): an admin, or a liaison of the activity's responsible institution.
 */
export const canReportActivity = (actor: Actor | undefined, activity: { responsibleInstitutionId: string }) =>
  canManagePlan(actor) || liaisonInstitutions(actor).includes(activity.responsibleInstitutionId);

/** Roles that may verify work done by others. */
export const verifierRoles = ['admin', 'secretariat_member', 'facilitator', 'evaluator'] as const;

/** The staff who use the plan's work pages (`/mis-actividades`, `/actividades/:id`): liaisons and the verifiers. */
export const planStaffRoles = ['admin', 'liaison', ...verifierRoles] as const;

/** Seeing work not public yet (a draft commitment's activities and their evidence files): the plan's staff. */
export const canSeePlanWork = (actor: Actor | undefined) =>
  (actor?.roles ?? []).some((r) => (planStaffRoles as readonly string[]).includes(r.role));

/**
 * Verifying an activity (and accepting or rejecting its evidence): someone outside the responsible institution, i.e.
 * a secretariat member, facilitator, evaluator or admin who holds no role bound to that institution.
 */
export const canVerifyActivity = (actor: Actor | undefined, activity: { responsibleInstitutionId: string }) =>
  Boolean(actor) &&
  actor!.roles.some((r) => (verifierRoles as readonly string[]).includes(r.role)) &&
  !actor!.roles.some((r) => r.institutionId === activity.responsibleInstitutionId);
