import { hasRole, type Actor, type StaffRole } from '../../kernel/actor.js';

export { hasRole, isAdmin, type Actor } from '../../kernel/actor.js';

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
  const role = (['admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] as const).find((r) => hasRole(actor, r));
  return { id: actor.userId, label: role ? roleLabels[role] : 'Persona participante' };
}
