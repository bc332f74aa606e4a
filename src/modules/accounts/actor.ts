import type { StaffRole } from './schema.js';

/** Who is acting: a signed-in person with their staff roles (none for a plain participant). */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  locale: 'es-MX' | 'en';
  isEmailConfirmed: boolean;
  roles: { role: StaffRole; institutionId: string | null }[];
}

export const hasRole = (actor: Actor | undefined, role: StaffRole) => actor?.roles.some((r) => r.role === role) ?? false;
export const isAdmin = (actor: Actor | undefined) => hasRole(actor, 'admin');
