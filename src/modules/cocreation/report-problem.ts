import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { isSystemActor, type ActingParty } from '../../kernel/actor.js';
import { problemReports, problems, reportReasons } from './schema.js';

export const reportProblemInput = z.object({
  reason: z.enum(reportReasons, 'reason.required'),
  details: z.string().trim().max(500, 'details.tooLong').optional(),
});

/**
 * A signed-in person reports a problem to the moderators with a reason: once per person (reporting again replaces
 * their reason). Reports are private to the moderators; nothing public changes.
 */
export async function reportProblem(
  db: Db,
  problemId: string,
  input: z.input<typeof reportProblemInput>,
  options: { actor: ActingParty },
) {
  if (isSystemActor(options.actor)) throw new AppError('forbidden', 'reports come from people');
  const values = reportProblemInput.parse(input);
  const details = values.details || null;
  const [problem] = await db.select({ id: problems.id }).from(problems).where(eq(problems.id, problemId));
  if (!problem) throw notFound('problem');
  await db
    .insert(problemReports)
    .values({ problemId, reporterId: options.actor.userId, reason: values.reason, details })
    .onConflictDoUpdate({
      target: [problemReports.problemId, problemReports.reporterId],
      set: { reason: values.reason, details },
    });
}
