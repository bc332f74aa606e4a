import type { Actor } from '../../kernel/actor.js';
import type { ResolvedTarget } from '../../kernel/records.js';

/** Admins and facilitators moderate comments (hide them with a reason; nobody deletes them). */
export const canModerate = (actor: Actor | undefined) =>
  actor?.roles.some((r) => r.role === 'admin' || r.role === 'facilitator') ?? false;

/**
 * The institutions on whose behalf this person may answer officially on this target: liaisons of its answering
 * institutions.
 */
export function officialInstitutionIds(actor: Actor | undefined, target: ResolvedTarget): string[] {
  if (!actor) return [];
  const answering = new Set(target.answeringInstitutionIds);
  return actor.roles
    .filter((r) => r.role === 'liaison' && r.institutionId && answering.has(r.institutionId))
    .map((r) => r.institutionId!);
}
