import { eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDate } from '../../shared/calendar-date.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { agreementCode } from './agreement-code.js';
import {
  agreementLinks,
  agreements,
  agreementVotes,
  decisionMethods,
  secretariatAttendance,
  secretariatSeats,
  voteChoices,
} from './schema.js';
import { localDate, lockSession } from './sessions.js';
import { voteResult } from './vote-result.js';

export const recordAgreementInput = z
  .object({
    text: z.string().trim().min(1, 'text.required').min(5, 'text.tooShort').max(10_000, 'text.tooLong'),
    decisionMethod: z.enum(decisionMethods, 'decisionMethod.required'),
    /** Votes by seat id, for a decision by vote: only voting seats present may vote. */
    votes: z.record(z.uuid(), z.enum(voteChoices)).default({}),
    responsible: z.string().trim().min(1, 'responsible.required').max(300, 'responsible.tooLong'),
    dueOn: z
      .string()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(calendarDate('dueOn.invalid').optional()),
    links: z
      .array(z.object({ recordType: z.string().regex(/^[a-z_]{2,40}$/), recordId: z.uuid() }))
      .max(20)
      .default([]),
  })
  .refine((v) => v.decisionMethod === 'consensus' || Object.keys(v.votes).length > 0, {
    message: 'votes.required',
    path: ['votes'],
  });
export type RecordAgreementInput = z.input<typeof recordAgreementInput>;

/**
 * Records an agreement of a held session (quorum reached: else `noQuorum`). By consensus it is approved; by vote,
 * each voting member present votes for, against or abstains and the result is computed (a tie is not approved).
 * The agreement gets the next number of its session and its stable code.
 */
export async function recordAgreement(
  db: Db,
  sessionId: string,
  input: RecordAgreementInput,
  options: { actor: ActingParty; timeZone: string },
) {
  assertHoldsRole(options.actor, 'admin', 'facilitator');
  const actor = changeActorOf(options.actor);
  const values = recordAgreementInput.parse(input);
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId, ['held', 'no_quorum']);
    if (session.status === 'no_quorum' || !session.quorumReached)
      throw new AppError('conflict', 'no quorum', { reason: 'noQuorum' });
    const present = await tx
      .select({
        seatId: secretariatAttendance.seatId,
        kind: secretariatSeats.kind,
        status: secretariatAttendance.status,
      })
      .from(secretariatAttendance)
      .innerJoin(secretariatSeats, eq(secretariatSeats.id, secretariatAttendance.seatId))
      .where(eq(secretariatAttendance.sessionId, sessionId));
    const voters = new Set(
      present.filter((p) => p.kind !== 'facilitator' && p.status !== 'absent').map((p) => p.seatId),
    );
    const votes = values.decisionMethod === 'vote' ? Object.entries(values.votes) : [];
    if (votes.some(([seatId]) => !voters.has(seatId)))
      throw new AppError('conflict', 'only voting members present may vote', { reason: 'notAVoter' });
    const result =
      values.decisionMethod === 'vote'
        ? voteResult(
            votes.map(([, vote]) => vote),
            { hasQuorum: true },
          )
        : { outcome: 'approved' as const, for: 0, against: 0, abstain: 0 };
    const [last] = await tx
      .select({ n: max(agreements.number) })
      .from(agreements)
      .where(eq(agreements.sessionId, sessionId));
    const number = (last?.n ?? 0) + 1;
    const code = agreementCode({
      year: Number(localDate(session.startsAt, options.timeZone).slice(0, 4)),
      kind: session.kind,
      sessionNumber: session.number,
      agreementNumber: number,
    });
    const [row] = await tx
      .insert(agreements)
      .values({
        sessionId,
        number,
        code,
        text: values.text,
        decisionMethod: values.decisionMethod,
        outcome: result.outcome!,
        votesFor: result.for,
        votesAgainst: result.against,
        votesAbstain: result.abstain,
        responsible: values.responsible,
        dueOn: values.dueOn ?? null,
      })
      .returning();
    if (votes.length)
      await tx.insert(agreementVotes).values(votes.map(([seatId, vote]) => ({ agreementId: row!.id, seatId, vote })));
    if (values.links.length)
      await tx.insert(agreementLinks).values(values.links.map((link) => ({ agreementId: row!.id, ...link })));
    await appendChange(tx, {
      actor,
      recordType: 'agreement',
      recordId: row!.id,
      action: 'create',
      after: { ...row, votes: votes.map(([seatId, vote]) => ({ seatId, vote })), links: values.links },
    });
    return row!;
  });
}
