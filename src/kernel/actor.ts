import { AppError } from '../shared/errors.js';

/** The staff roles an admin can give (a plain participant holds none). */
export const staffRoles = ['admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Who is acting: a signed-in person with their staff roles (none for a plain participant). */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  locale: 'es-MX' | 'en';
  isEmailConfirmed: boolean;
  roles: { role: StaffRole; institutionId: string | null }[];
}

/**
 * The portal itself acting (a scheduled job, the demo seed, a command-line tool), named by a label that the public
 * change log shows. A write is always done by a person or by an explicit system actor, never by nobody.
 */
export interface SystemActor {
  kind: 'system';
  label: string;
}

export const systemActor = (label: string): SystemActor => ({ kind: 'system', label });
export const isSystemActor = (actor: Actor | SystemActor): actor is SystemActor =>
  'kind' in actor && actor.kind === 'system';

export const hasRole = (actor: Actor | undefined, role: StaffRole) =>
  actor?.roles.some((r) => r.role === role) ?? false;
export const isAdmin = (actor: Actor | undefined) => hasRole(actor, 'admin');

const roleLabels: Record<StaffRole, string> = {
  admin: 'Administración del portal',
  facilitator: 'Facilitación',
  secretariat_member: 'Integrante del Secretariado Técnico',
  liaison: 'Enlace institucional',
  evaluator: 'Evaluación',
};

/**
 * How an actor appears in the public change log: by role, never by name or e-mail, so an account can be cancelled
 * without rewriting public history. (The log's data are in the language the records are written in: Spanish.)
 */
export function publicActor(actor: Actor): { id: string; label: string } {
  const role = (['admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] as const).find((r) =>
    hasRole(actor, r),
  );
  return { id: actor.userId, label: role ? roleLabels[role] : 'Persona participante' };
}

/** Whoever does a write: a signed-in person, or the portal itself under a label. Never nobody. */
export type ActingParty = Actor | SystemActor;

/** How the acting party appears in the public change log. */
export function changeActorOf(actor: ActingParty): { id: string | null; label: string } {
  return isSystemActor(actor) ? { id: null, label: actor.label } : publicActor(actor);
}

/**
 * A use case's own policy check: the portal itself may act; a person must hold one of the roles, else `forbidden`.
 * Routes declare the same roles (src/kernel/access.ts): this check keeps the use case safe when called from elsewhere.
 */
export function assertHoldsRole(actor: ActingParty, ...roles: StaffRole[]): void {
  if (isSystemActor(actor)) return;
  if (!actor.roles.some((assignment) => roles.includes(assignment.role)))
    throw new AppError('forbidden', `requires one of: ${roles.join(', ')}`);
}
