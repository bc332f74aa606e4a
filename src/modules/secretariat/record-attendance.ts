import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { computeQuorum } from './quorum.js';
import { attendanceStatuses, secretariatAttendance, secretariats, secretariatSeats } from './schema.js';
import { changeSession, lockSession } from './sessions.js';

export const recordAttendanceInput = z.record(z.uuid(), z.enum(attendanceStatuses));
export type RecordAttendanceInput = z.input<typeof recordAttendanceInput>;

/**
 * Records who attended a convened session (every seat: titular present, alternate present or absent), computes the
 * quorum with the Secretariat's rule, and marks the session held or without quorum. It may be corrected until the
 * minutes are approved.
 */
export async function recordAttendance(
  db: Db,
  sessionId: string,
  input: RecordAttendanceInput,
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin', 'facilitator');
  const actor = changeActorOf(options.actor);
  const attendance = recordAttendanceInput.parse(input);
  return db.transaction(async (tx) => {
    const before = await lockSession(tx, sessionId, ['convened', 'held', 'no_quorum']);
    const [secretariat] = await tx
      .select({ rule: secretariats.quorumRule })
      .from(secretariats)
      .where(eq(secretariats.id, before.secretariatId));
    const seats = await tx
      .select({ id: secretariatSeats.id, kind: secretariatSeats.kind })
      .from(secretariatSeats)
      .where(eq(secretariatSeats.secretariatId, before.secretariatId));
    const missing = seats.filter((s) => !attendance[s.id]);
    if (missing.length > 0 || Object.keys(attendance).some((id) => !seats.some((s) => s.id === id))) {
      throw new AppError('validation', 'attendance must name every seat of the Secretariat', {
        reason: 'attendanceIncomplete',
        missing: missing.map((s) => s.id),
      });
    }
    const rows = seats.map((s) => ({ sessionId, seatId: s.id, status: attendance[s.id]! }));
    await tx
      .insert(secretariatAttendance)
      .values(rows)
      .onConflictDoUpdate({
        target: [secretariatAttendance.sessionId, secretariatAttendance.seatId],
        set: { status: sql`excluded.status`, updatedAt: sql`now()` },
      });
    const quorum = computeQuorum({ seats, attendance, rule: secretariat!.rule });
    await appendChange(tx, {
      actor,
      recordType: 'secretariat_attendance',
      recordId: sessionId,
      action: 'update',
      after: { attendance: rows.map((r) => ({ seatId: r.seatId, status: r.status })), quorum },
    });
    const session = await changeSession(
      tx,
      before,
      { status: quorum.isReached ? 'held' : 'no_quorum', quorumReached: quorum.isReached },
      actor,
    );
    return { session, quorum };
  });
}
