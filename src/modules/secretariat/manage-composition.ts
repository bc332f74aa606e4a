import { and, asc, count, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { AppError, notFound } from '../../shared/errors.js';
import { calendarDate } from '../../shared/calendar-date.js';
import { appendChange } from '../audit/append-change.js';
import { institutions } from '../directory/schema.js';
import { publicMembership } from './add-membership.js';
import {
  agreementVotes,
  membershipRoles,
  secretariatAttendance,
  secretariatMemberships,
  secretariatSeats,
} from './schema.js';

const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, key)
    .optional()
    .transform((value) => (value ? value : undefined));

/** A seat's public name (the organisation or sector it stands for); the composition rules do not depend on it. */
export const updateSeatInput = z.object({ label: optionalText(200, 'label.tooLong') });
export type UpdateSeatInput = z.input<typeof updateSeatInput>;

/** One seat with what depends on it: its members, and whether it took part in a session (attendance, votes). */
export async function getSeat(db: Db, seatId: string) {
  const [row] = await db
    .select({ seat: secretariatSeats, institutionName: institutions.name })
    .from(secretariatSeats)
    .leftJoin(institutions, eq(institutions.id, secretariatSeats.institutionId))
    .where(eq(secretariatSeats.id, seatId));
  if (!row) throw notFound('seat');
  const memberships = await db
    .select()
    .from(secretariatMemberships)
    .where(eq(secretariatMemberships.seatId, seatId))
    .orderBy(asc(secretariatMemberships.startsOn), asc(secretariatMemberships.role));
  const [attendance] = await db
    .select({ n: count() })
    .from(secretariatAttendance)
    .where(eq(secretariatAttendance.seatId, seatId));
  const [votes] = await db.select({ n: count() }).from(agreementVotes).where(eq(agreementVotes.seatId, seatId));
  const sessionRecords = (attendance?.n ?? 0) + (votes?.n ?? 0);
  return {
    ...row.seat,
    institutionName: row.institutionName,
    memberships,
    /** Attendance and votes recorded for it: a seat that took part in sessions stays, its terms end instead. */
    sessionRecords,
    isDeletable: sessionRecords === 0,
  };
}
export type SeatDetail = Awaited<ReturnType<typeof getSeat>>;

/** Renames a seat (its label), with the change in the public history. */
export async function updateSeat(db: Db, seatId: string, input: UpdateSeatInput, options: { actor: ActingParty }) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  const values = updateSeatInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(secretariatSeats).where(eq(secretariatSeats.id, seatId)).for('update');
    if (!before) throw notFound('seat');
    const [after] = await tx
      .update(secretariatSeats)
      .set({ label: values.label ?? null, updatedAt: new Date() })
      .where(eq(secretariatSeats.id, seatId))
      .returning();
    await appendChange(tx, {
      actor,
      recordType: 'secretariat_seat',
      recordId: seatId,
      action: 'update',
      before,
      after,
    });
    return after!;
  });
}

/**
 * Deletes a seat added by mistake, with its members (each deletion in the public history). A seat that took part in
 * a session (attendance or votes recorded) is part of the record and stays: `seatHasSessions`; its members' terms
 * end instead.
 */
export async function deleteSeat(db: Db, seatId: string, options: { actor: ActingParty }) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  return db.transaction(async (tx) => {
    const [seat] = await tx.select().from(secretariatSeats).where(eq(secretariatSeats.id, seatId)).for('update');
    if (!seat) throw notFound('seat');
    const [attendance] = await tx
      .select({ n: count() })
      .from(secretariatAttendance)
      .where(eq(secretariatAttendance.seatId, seatId));
    const [votes] = await tx.select({ n: count() }).from(agreementVotes).where(eq(agreementVotes.seatId, seatId));
    if ((attendance?.n ?? 0) + (votes?.n ?? 0) > 0)
      throw new AppError('conflict', 'the seat took part in sessions', { reason: 'seatHasSessions' });
    const members = await tx
      .delete(secretariatMemberships)
      .where(eq(secretariatMemberships.seatId, seatId))
      .returning();
    for (const member of members)
      await appendChange(tx, {
        actor,
        recordType: 'secretariat_membership',
        recordId: member.id,
        action: 'delete',
        before: publicMembership(member),
      });
    await tx.delete(secretariatSeats).where(eq(secretariatSeats.id, seatId));
    await appendChange(tx, { actor, recordType: 'secretariat_seat', recordId: seatId, action: 'delete', before: seat });
    return { secretariatId: seat.secretariatId, members: members.length };
  });
}

export const updateMembershipInput = z
  .object({
    role: z.enum(membershipRoles, 'role.required'),
    displayName: z.string().trim().min(1, 'displayName.required').max(200, 'displayName.tooLong'),
    organization: optionalText(200, 'organization.tooLong'),
    bio: optionalText(2000, 'bio.tooLong'),
    email: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(z.email('email.invalid').max(254, 'email.invalid').optional()),
    startsOn: calendarDate('startsOn.invalid'),
    endsOn: z
      .string()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(calendarDate('endsOn.invalid').optional()),
  })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, { message: 'endsOn.beforeStart', path: ['endsOn'] });
export type UpdateMembershipInput = z.input<typeof updateMembershipInput>;

/** One membership with its seat, for its edit page. */
export async function getMembership(db: Db, membershipId: string) {
  const [row] = await db
    .select({ membership: secretariatMemberships, seat: secretariatSeats, institutionName: institutions.name })
    .from(secretariatMemberships)
    .innerJoin(secretariatSeats, eq(secretariatSeats.id, secretariatMemberships.seatId))
    .leftJoin(institutions, eq(institutions.id, secretariatSeats.institutionId))
    .where(eq(secretariatMemberships.id, membershipId));
  if (!row) throw notFound('membership');
  return row;
}

const overlaps = (a: { startsOn: string; endsOn: string | null }, b: { startsOn: string; endsOn: string | null }) =>
  a.startsOn <= (b.endsOn ?? '9999-12-31') && b.startsOn <= (a.endsOn ?? '9999-12-31');

/**
 * Corrects a member's public name, organisation, bio, e-mail or term, or ends the term (an end date): the public
 * history keeps each change (never the e-mail). A seat has one titular and one alternate at a time (`roleTaken`).
 */
export async function updateMembership(
  db: Db,
  membershipId: string,
  input: UpdateMembershipInput,
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  const values = updateMembershipInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(secretariatMemberships)
      .where(eq(secretariatMemberships.id, membershipId))
      .for('update');
    if (!before) throw notFound('membership');
    const others = await tx
      .select()
      .from(secretariatMemberships)
      .where(
        and(
          eq(secretariatMemberships.seatId, before.seatId),
          eq(secretariatMemberships.role, values.role),
          ne(secretariatMemberships.id, membershipId),
        ),
      );
    const term = { startsOn: values.startsOn, endsOn: values.endsOn ?? null };
    if (others.some((m) => overlaps(m, term)))
      throw new AppError('conflict', 'role already held in that term', { reason: 'roleTaken' });
    const [after] = await tx
      .update(secretariatMemberships)
      .set({
        role: values.role,
        displayName: values.displayName,
        organization: values.organization ?? null,
        bio: values.bio ?? null,
        email: values.email ?? null,
        startsOn: values.startsOn,
        endsOn: values.endsOn ?? null,
        updatedAt: new Date(),
      })
      .where(eq(secretariatMemberships.id, membershipId))
      .returning();
    await appendChange(tx, {
      actor,
      recordType: 'secretariat_membership',
      recordId: membershipId,
      action: 'update',
      before: publicMembership(before),
      after: publicMembership(after!),
    });
    return { ...after!, secretariatSeatId: before.seatId };
  });
}
