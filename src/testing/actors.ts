import { systemActor, type Actor, type StaffRole } from '../kernel/actor.js';
import { SYSTEM_ACTOR_LABEL } from '../modules/audit/append-change.js';

/** The portal itself acting, as the demo seed, the jobs and the command line do: logged with no id, as 'Sistema'. */
export const portalActor = systemActor(SYSTEM_ACTOR_LABEL);

/**
 * A person acting with the given staff roles (none: a plain participant), for calling use cases directly. The change
 * log shows them as `publicActor` does: by their first role's label, with `userId` as the id.
 */
export function personActor(
  userId: string,
  roles: (StaffRole | { role: StaffRole; institutionId: string | null })[] = [],
  extra: Partial<Omit<Actor, 'userId' | 'roles'>> = {},
): Actor {
  return {
    userId,
    name: 'Persona de prueba',
    email: `persona-${userId}@example.mx`,
    locale: 'es-MX',
    isEmailConfirmed: true,
    roles: roles.map((role) => (typeof role === 'string' ? { role, institutionId: null } : role)),
    ...extra,
  };
}
