import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { changeActorOf, isSystemActor, type ActingParty } from '../../kernel/actor.js';
import { AppError, notFound } from '../../shared/errors.js';
import { appendChange } from '../audit/append-change.js';
import { municipalities } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { assertDiagnosisOpen, localDate } from './diagnosis-window.js';
import { isConfirmedPerson } from './policy.js';
import { problemLogView } from './problem-log.js';
import { problemMunicipalities, problems, problemThemes } from './schema.js';
import { storeScan, type PaperScan } from './scan.js';

export const PROBLEM_TITLE_MAX = 160;
export const PROBLEM_DESCRIPTION_MAX = 4000;

const webAddress = z
  .string()
  .trim()
  .max(500, 'evidenceUrl.invalid')
  .refine((value) => /^https?:\/\/[^\s/?#]+\.[^\s]+$/i.test(value), 'evidenceUrl.invalid');

export const submitProblemInput = z.object({
  title: z.string().trim().min(5, 'title.required').max(PROBLEM_TITLE_MAX, 'title.tooLong'),
  description: z.string().trim().min(20, 'description.tooShort').max(PROBLEM_DESCRIPTION_MAX, 'description.tooLong'),
  evidenceUrl: z.union([z.literal(''), webAddress]).optional(),
  theme: z.enum(problemThemes, 'theme.required'),
  municipalities: z
    .array(z.string().regex(/^[0-9]{5}$/, 'municipalities.required'))
    .min(1, 'municipalities.required')
    .max(100, 'municipalities.required')
    .transform((list) => [...new Set(list)]),
});
export type SubmitProblemInput = z.input<typeof submitProblemInput>;

/** How a problem reached the portal: who is its author, who captured it from paper, and the scan of that paper. */
interface ProblemOrigin {
  channel: 'online' | 'in_person';
  authorId: string | null;
  capturedBy: string | null;
  scan?: PaperScan;
}

/**
 * Stores a problem of an exercise while its diagnosis window is open (the date of `now` in the portal's zone), with its
 * municipalities, the scan of its paper form (if any) and its public change-log entry, all in one transaction: outside
 * the window, or with an unknown municipality, nothing is stored (not even the scan).
 */
export async function insertProblem(
  db: Db,
  exerciseId: string,
  input: SubmitProblemInput,
  origin: ProblemOrigin,
  options: { actor: ActingParty; now: Date; timeZone: string },
) {
  const values = submitProblemInput.parse(input);
  return db.transaction(async (tx) => {
    const [exercise] = await tx
      .select({ id: exercises.id })
      .from(exercises)
      .where(eq(exercises.id, exerciseId))
      .for('update');
    if (!exercise) throw notFound('exercise');
    await assertDiagnosisOpen(tx, exerciseId, localDate(options.now, options.timeZone));
    const known = await tx
      .select({ cvegeo: municipalities.cvegeo })
      .from(municipalities)
      .where(inArray(municipalities.cvegeo, values.municipalities));
    if (known.length !== values.municipalities.length)
      throw new AppError('validation', 'unknown municipality', {
        field: 'municipalities',
        reason: 'municipalities.required',
      });
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${problems.number}), 0) + 1` })
      .from(problems)
      .where(eq(problems.exerciseId, exerciseId))) as [{ next: number }];
    const scanFileId = origin.scan
      ? await storeScan(tx, origin.scan, { name: `formato-problema-${next}`, capturedBy: origin.capturedBy })
      : null;
    const [problem] = await tx
      .insert(problems)
      .values({
        exerciseId,
        number: Number(next),
        title: values.title,
        description: values.description,
        evidenceUrl: values.evidenceUrl || null,
        theme: values.theme,
        channel: origin.channel,
        authorId: origin.authorId,
        capturedBy: origin.capturedBy,
        scanFileId,
        createdAt: options.now,
        updatedAt: options.now,
      })
      .returning();
    await tx
      .insert(problemMunicipalities)
      .values(values.municipalities.map((cvegeo) => ({ problemId: problem!.id, cvegeo })));
    // The public projection only: never the author, who captured it or the scan (problem-log.ts).
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'problem',
      recordId: problem!.id,
      action: 'create',
      after: problemLogView(problem!, values.municipalities),
      occurredAt: options.now,
    });
    return problem!;
  });
}

/**
 * A public problem of an exercise, submitted while its diagnosis window is open: by a signed-in person with a
 * confirmed e-mail (channel online, they are its author, never shown), or by the portal itself capturing one handed
 * in on paper (channel in_person, no author). Staff capture paper forms with their scan through
 * `capturePaperProblem` (paper/). Outside the window nothing is stored.
 */
export async function submitProblem(
  db: Db,
  exerciseId: string,
  input: SubmitProblemInput,
  options: { actor: ActingParty; now: Date; timeZone: string },
) {
  const { actor } = options;
  if (!isSystemActor(actor) && !isConfirmedPerson(actor))
    throw new AppError('forbidden', 'confirm your e-mail address first', { reason: 'unconfirmed' });
  const origin: ProblemOrigin = isSystemActor(actor)
    ? { channel: 'in_person', authorId: null, capturedBy: null }
    : { channel: 'online', authorId: actor.userId, capturedBy: null };
  return insertProblem(db, exerciseId, input, origin, options);
}
