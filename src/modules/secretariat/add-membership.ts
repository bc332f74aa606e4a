import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDate } from '../../shared/calendar-date.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { users } from '../accounts/read-models.js';
import { calls } from '../calls/read-models.js';
import { registrations } from '../registrations/read-models.js';
import { membershipRoles, secretariats, secretariatMemberships, secretariatSeats } from './schema.js';

const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, key)
    .optional()
    .transform((value) => (value ? value : undefined));

export const addMembershipInput = z
  .object({
    seatId: z.uuid('seatId.required'),
    role: z.enum(membershipRoles, 'role.required'),
    registrationId: z
      .string()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(z.uuid().optional()),
    displayName: optionalText(200, 'displayName.tooLong'),
    organization: optionalText(200, 'organization.tooLong'),
    bio: optionalText(2000, 'bio.tooLong'),
    email: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(z.email('email.invalid').max(254, 'email.invalid').optional()),
    userId: z.uuid().optional(),
    startsOn: calendarDate('startsOn.invalid'),
    endsOn: z
      .string()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(calendarDate('endsOn.invalid').optional()),
  })
  .refine((v) => v.displayName || v.registrationId, { message: 'displayName.required', path: ['displayName'] })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, { message: 'endsOn.beforeStart', path: ['endsOn'] });
export type AddMembershipInput = z.input<typeof addMembershipInput>;

/** What the change log (open data) keeps of a membership: never its e-mail nor its account. */
export const publicMembership = (row: typeof secretariatMemberships.$inferSelect) => ({
  id: row.id,
  seatId: row.seatId,
  role: row.role,
  displayName: row.displayName,
  organization: row.organization,
  bio: row.bio,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
});

const overlaps = (a: { startsOn: string; endsOn: string | null }, b: { startsOn: string; endsOn: string | null }) =>
  a.startsOn <= (b.endsOn ?? '9999-12-31') && b.startsOn <= (a.endsOn ?? '9999-12-31');

/**
 * Names the titular or the alternate of a seat for a term. A candidate may come from an accepted registration of the
 * exercise's call (its name, e-mail and organisation fill what was left blank). A seat has one titular and one
 * alternate at a time (`roleTaken`). A holder whose e-mail has an account is linked to it.
 */
export async function addMembership(db: Db, input: AddMembershipInput, options: { actor: ActingParty }) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  const values = addMembershipInput.parse(input);
  return db.transaction(async (tx) => {
    const [seat] = await tx
      .select({ id: secretariatSeats.id, exerciseId: secretariats.exerciseId })
      .from(secretariatSeats)
      .innerJoin(secretariats, eq(secretariats.id, secretariatSeats.secretariatId))
      .where(eq(secretariatSeats.id, values.seatId))
      .for('update');
    if (!seat) throw notFound('seat');
    let fromRegistration:
      { fullName: string; email: string; organization: string | null; userId: string | null } | undefined;
    if (values.registrationId) {
      const [registration] = await tx
        .select({
          fullName: registrations.fullName,
          email: registrations.email,
          organization: registrations.organization,
          userId: registrations.userId,
          status: registrations.status,
          anonymisedAt: registrations.anonymisedAt,
        })
        .from(registrations)
        .innerJoin(calls, eq(calls.id, registrations.callId))
        .where(and(eq(registrations.id, values.registrationId), eq(calls.exerciseId, seat.exerciseId)));
      if (!registration || registration.status !== 'accepted' || registration.anonymisedAt !== null)
        throw new AppError('conflict', 'not an accepted registration', { reason: 'registrationNotAccepted' });
      fromRegistration = registration;
    }
    const email = values.email ?? fromRegistration?.email;
    // A member with an account (same e-mail) is linked to it, so that once signed in they read draft minutes.
    const [account] =
      !values.userId && !fromRegistration?.userId && email
        ? await tx
            .select({ id: users.id })
            .from(users)
            .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
            .limit(1)
        : [];
    const held = await tx
      .select()
      .from(secretariatMemberships)
      .where(and(eq(secretariatMemberships.seatId, seat.id), eq(secretariatMemberships.role, values.role)));
    const term = { startsOn: values.startsOn, endsOn: values.endsOn ?? null };
    if (held.some((m) => overlaps(m, term)))
      throw new AppError('conflict', 'role already held in that term', { reason: 'roleTaken' });
    const [row] = await tx
      .insert(secretariatMemberships)
      .values({
        seatId: seat.id,
        role: values.role,
        displayName: values.displayName ?? fromRegistration!.fullName,
        organization: values.organization ?? fromRegistration?.organization ?? null,
        bio: values.bio ?? null,
        email: email ?? null,
        userId: values.userId ?? fromRegistration?.userId ?? account?.id ?? null,
        registrationId: values.registrationId ?? null,
        startsOn: values.startsOn,
        endsOn: values.endsOn ?? null,
      })
      .returning();
    await appendChange(tx, {
      actor,
      recordType: 'secretariat_membership',
      recordId: row!.id,
      action: 'create',
      after: publicMembership(row!),
    });
    return row!;
  });
}
