import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, type Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../shared/errors.js';
import { paperCaptureRoles } from '../policy.js';
import { checkScan, type PaperScan } from '../scan.js';
import { problems } from '../schema.js';
import { insertProblem, type SubmitProblemInput } from '../submit-problem.js';
import { captureInPersonSupports } from '../support-problem.js';

interface CaptureOptions {
  actor: Actor;
  now: Date;
  timeZone: string;
  scan: PaperScan | undefined;
}

/**
 * Staff capture a problem handed in on paper at a table: channel in_person, no author, the capturing person and the
 * scanned form kept for staff only (never public, never in the change log). While the diagnosis is open, like online;
 * otherwise nothing is stored. Refusals: `forbidden` (not a capturing role), `validation` on a field (`scan.required`,
 * `scan.type`, `scan.tooLarge`, an unknown municipality), `conflict` with reason `diagnosisClosed`.
 */
export async function capturePaperProblem(
  db: Db,
  exerciseId: string,
  input: SubmitProblemInput,
  options: CaptureOptions,
) {
  assertHoldsRole(options.actor, ...paperCaptureRoles);
  const scan = checkScan(options.scan);
  return insertProblem(
    db,
    exerciseId,
    input,
    { channel: 'in_person', authorId: null, capturedBy: options.actor.userId, scan },
    options,
  );
}

/**
 * Staff capture a sheet of supports of one problem handed in on paper (`count` supports, one scan): the problem by its
 * number within the exercise. See `captureInPersonSupports` for the rules.
 */
export async function capturePaperSupports(
  db: Db,
  exerciseId: string,
  input: { problemNumber: number; count: number },
  options: CaptureOptions,
) {
  assertHoldsRole(options.actor, ...paperCaptureRoles);
  const [problem] = await db
    .select({ id: problems.id })
    .from(problems)
    .where(and(eq(problems.exerciseId, exerciseId), eq(problems.number, input.problemNumber)));
  if (!problem)
    throw new AppError('validation', 'no problem with that number', {
      field: 'problemNumber',
      reason: 'supportedProblem.invalid',
    });
  return captureInPersonSupports(db, problem.id, { count: input.count, scan: checkScan(options.scan) }, options);
}
