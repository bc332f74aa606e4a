import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, isSystemActor, type ActingParty } from '../../kernel/actor.js';
import { AppError } from '../../shared/errors.js';
import { queueEmail } from '../notifications/queue-email.js';
import { institutions } from '../directory/schema.js';
import { roleAssignments, staffRoles, users } from './schema.js';
import { issueToken } from './consume-token.js';
import { absoluteUrl, tokenTtlMinutes } from './links.js';
import { normalizeEmail } from './secrets.js';
import { translator } from '../../web/i18n/i18n.js';

export const inviteUserInput = z
  .object({
    name: z.string().trim().min(2, 'name.required').max(200, 'name.tooLong'),
    email: z.email('email.invalid'),
    role: z.enum(staffRoles, 'role.required'),
    institutionId: z.uuid('institution.required').optional(),
    locale: z.enum(['es-MX', 'en']).default('es-MX'),
  })
  .refine((value) => value.role !== 'liaison' || value.institutionId, {
    message: 'institution.required',
    path: ['institutionId'],
  });

/**
 * An admin gives a staff role to a person, creating the account if needed, and e-mails an invitation link to
 * choose a password. Staff roles come only this way. The invitation names who sent it: the admin, or the label of
 * the portal acting itself.
 */
export async function inviteUser(
  db: Db,
  actor: ActingParty,
  input: z.input<typeof inviteUserInput>,
  options: { baseUrl: string; siteName: string },
) {
  assertHoldsRole(actor, 'admin');
  const inviter = isSystemActor(actor)
    ? { userId: null, name: actor.label }
    : { userId: actor.userId, name: actor.name };
  const values = inviteUserInput.parse(input);
  const email = normalizeEmail(values.email);
  return db.transaction(async (tx) => {
    if (values.institutionId) {
      const [institution] = await tx
        .select({ id: institutions.id })
        .from(institutions)
        .where(eq(institutions.id, values.institutionId))
        .limit(1);
      if (!institution) throw new AppError('validation', 'unknown institution', { field: 'institutionId' });
    }
    let [user] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    user ??= (await tx.insert(users).values({ email, name: values.name, locale: values.locale }).returning())[0]!;
    await tx
      .insert(roleAssignments)
      .values({
        userId: user.id,
        role: values.role,
        institutionId: values.institutionId ?? null,
        grantedBy: inviter.userId,
      })
      .onConflictDoNothing();
    const token = await issueToken(tx, {
      userId: user.id,
      purpose: 'invitation',
      ttlMinutes: tokenTtlMinutes.invitation,
    });
    await queueEmail(tx, {
      to: user.email,
      userId: user.id,
      template: 'invitation',
      locale: user.locale,
      params: {
        name: user.name,
        inviterName: inviter.name,
        roleLabel: translator(user.locale)(`accounts.role.${values.role}`),
        url: absoluteUrl(options.baseUrl, `/recuperar/${token}`),
        siteName: options.siteName,
        expiresInHours: tokenTtlMinutes.invitation / 60,
      },
    });
    return user;
  });
}
