import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personActor, portalActor } from '../../testing/actors.js';
import { rowCounts } from '../../testing/row-counts.js';
import { createTestUser } from '../../testing/sign-in.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { inviteUser } from './invite-user.js';
import { revokeRole } from './revoke-role.js';
import { roleAssignments, users } from './schema.js';

const links = { baseUrl: 'https://cocrea.example.mx', siteName: 'Cocrea' };
const invitation = { name: 'Persona Invitada', email: 'invitada@example.mx', role: 'facilitator' as const };

describe('accounts check their own rules, whoever calls them', () => {
  it('refuses anyone but an admin an invitation or a revocation, writing nothing', async () => {
    const database = await createTestDatabase();
    const { db } = database;
    const person = await createTestUser(database);
    const facilitatorUser = await createTestUser(database, { roles: [{ role: 'facilitator' }] });
    await createTestUser(database, { roles: [{ role: 'admin' }] });
    const [assignment] = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, facilitatorUser.id));
    const participant = personActor(person.id);
    const facilitator = personActor(facilitatorUser.id, ['facilitator']);
    const before = await rowCounts(db, { users, roleAssignments });
    for (const actor of [participant, facilitator]) {
      await expect(inviteUser(db, actor, invitation, links)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(revokeRole(db, assignment!.id, actor)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await rowCounts(db, { users, roleAssignments })).toEqual(before);
    expect((await db.select().from(users).where(eq(users.id, facilitatorUser.id)))[0]).toEqual(facilitatorUser);
  });

  it('lets the portal itself invite and revoke', async () => {
    const database = await createTestDatabase();
    const { db } = database;
    await createTestUser(database, { roles: [{ role: 'admin' }] });
    const invited = await inviteUser(db, portalActor, invitation, links);
    const [granted] = await db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, invited.id), eq(roleAssignments.role, 'facilitator')));
    expect(granted).toMatchObject({ grantedBy: null });
    await revokeRole(db, granted!.id, portalActor);
    expect(await db.select().from(roleAssignments).where(eq(roleAssignments.userId, invited.id))).toEqual([]);
  });
});
