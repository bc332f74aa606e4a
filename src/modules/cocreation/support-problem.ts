import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { assertHoldsRole, isSystemActor, type ActingParty, type Actor } from '../../kernel/actor.js';
import { invalidatePublicPages } from '../audit/append-change.js';
import { assertDiagnosisOpen, localDate } from './diagnosis-window.js';
import { isConfirmedPerson, paperCaptureRoles } from './policy.js';
import { checkScan, storeScan, type PaperScan } from './scan.js';
import { finalProblemStatuses, problems, problemSupports } from './schema.js';
import { problemSupportersOf } from './support-count.js';

/** The most paper supports one scanned sheet (or pile of sheets) may carry. */
export const MAX_PAPER_SUPPORTS = 1000;

/** A problem that can be supported: visible and not in a final state (discarded, merged, not selected). */
async function supportableProblem(tx: Db, problemId: string) {
  const [problem] = await tx.select().from(problems).where(eq(problems.id, problemId)).for('update');
  if (!problem) throw notFound('problem');
  if (problem.hiddenAt !== null || (finalProblemStatuses as readonly string[]).includes(problem.status)) {
    throw new AppError('conflict', 'this problem no longer takes supports', { reason: 'notSupportable' });
  }
  return problem;
}

/** A problem's number of supports, as every page and dataset counts them (support-count.ts). */
export async function supportCount(db: Db, problemId: string) {
  const result = await db.execute(sql`select ${problemSupportersOf(sql`${problemId}::uuid`)} as n`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}

function personOf(actor: ActingParty): Actor {
  if (isSystemActor(actor) || !isConfirmedPerson(actor))
    throw new AppError('forbidden', 'supports come from people with a confirmed account', { reason: 'unconfirmed' });
  return actor;
}

/**
 * A person supports a problem while the diagnosis is open: once; supporting again changes nothing. Only the count is
 * public (no change-log entry names a supporter); the public pages are refreshed.
 */
export async function supportProblem(
  db: Db,
  problemId: string,
  options: { actor: ActingParty; now: Date; timeZone: string },
) {
  const person = personOf(options.actor);
  return db.transaction(async (tx) => {
    const problem = await supportableProblem(tx, problemId);
    await assertDiagnosisOpen(tx, problem.exerciseId, localDate(options.now, options.timeZone));
    const inserted = await tx
      .insert(problemSupports)
      .values({ problemId, userId: person.userId, channel: 'online', createdAt: options.now })
      .onConflictDoNothing()
      .returning({ id: problemSupports.id });
    if (inserted.length) await invalidatePublicPages(tx);
    return { problem, isNew: inserted.length > 0, supports: await supportCount(tx, problemId) };
  });
}

/** A person withdraws their support while the diagnosis is open; withdrawing one they never gave changes nothing. */
export async function withdrawSupport(
  db: Db,
  problemId: string,
  options: { actor: ActingParty; now: Date; timeZone: string },
) {
  const person = personOf(options.actor);
  return db.transaction(async (tx) => {
    const [problem] = await tx.select().from(problems).where(eq(problems.id, problemId)).for('update');
    if (!problem) throw notFound('problem');
    await assertDiagnosisOpen(tx, problem.exerciseId, localDate(options.now, options.timeZone));
    const removed = await tx
      .delete(problemSupports)
      .where(and(eq(problemSupports.problemId, problemId), eq(problemSupports.userId, person.userId)))
      .returning({ id: problemSupports.id });
    if (removed.length) await invalidatePublicPages(tx);
    return { problem, supports: await supportCount(tx, problemId) };
  });
}

/**
 * Supports handed in on paper at a table, as of `now` (the day they were given): each is one support without an
 * account (channel in_person). Staff capture them from one scanned sheet (`scan`, required from a person: every
 * support of the sheet keeps it and who captured it, for staff only); the portal itself (the demo) needs none. Only
 * while the diagnosis is open on that day; otherwise nothing is stored, not even the scan.
 */
export async function captureInPersonSupports(
  db: Db,
  problemId: string,
  input: { count: number; scan?: PaperScan },
  options: { actor: ActingParty; now: Date; timeZone: string },
) {
  assertHoldsRole(options.actor, ...paperCaptureRoles);
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_PAPER_SUPPORTS)
    throw new AppError('validation', `count from 1 to ${MAX_PAPER_SUPPORTS}`, {
      field: 'count',
      reason: 'count.invalid',
    });
  const capturedBy = isSystemActor(options.actor) ? null : options.actor.userId;
  if (capturedBy !== null || input.scan) checkScan(input.scan);
  return db.transaction(async (tx) => {
    const problem = await supportableProblem(tx, problemId);
    await assertDiagnosisOpen(tx, problem.exerciseId, localDate(options.now, options.timeZone));
    const scanFileId = input.scan
      ? await storeScan(tx, input.scan, { name: `formato-apoyos-problema-${problem.number}`, capturedBy })
      : null;
    await tx.insert(problemSupports).values(
      Array.from({ length: input.count }, () => ({
        problemId,
        userId: null,
        channel: 'in_person' as const,
        capturedBy,
        scanFileId,
        createdAt: options.now,
      })),
    );
    await invalidatePublicPages(tx);
    return { problem, supports: await supportCount(tx, problemId) };
  });
}
