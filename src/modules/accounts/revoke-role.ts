import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, type ActingParty } from '../../kernel/actor.js';
import { AppError } from '../../shared/errors.js';
import { roleAssignments } from './schema.js';

/** Removes a role assignment. The last admin cannot remove their own admin role (someone must remain). */
export async function revokeRole(db: Db, assignmentId: string, actor: ActingParty) {
  assertHoldsRole(actor, 'admin');
  await db.transaction(async (tx) => {
    const [assignment] = await tx.select().from(roleAssignments).where(eq(roleAssignments.id, assignmentId)).limit(1);
    if (!assignment) throw new AppError('not_found', 'role assignment not found');
    if (assignment.role === 'admin') {
      const admins = await tx
        .select({ id: roleAssignments.id })
        .from(roleAssignments)
        .where(eq(roleAssignments.role, 'admin'));
      if (admins.length <= 1) throw new AppError('conflict', 'last admin', { reason: 'lastAdmin' });
    }
    await tx.delete(roleAssignments).where(and(eq(roleAssignments.id, assignmentId)));
  });
}
