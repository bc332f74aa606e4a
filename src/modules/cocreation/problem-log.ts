import type { problems } from './schema.js';

type ProblemRow = typeof problems.$inferSelect;

/**
 * What the public change log keeps of a problem: its public fields only. Never its author, the moderator's account
 * or a supporter (decision 7: the log is public and permanent).
 */
export function problemLogView(
  problem: ProblemRow,
  municipalities: readonly string[],
  extra: Record<string, unknown> = {},
) {
  return {
    exerciseId: problem.exerciseId,
    number: problem.number,
    title: problem.title,
    description: problem.description,
    evidenceUrl: problem.evidenceUrl,
    theme: problem.theme,
    municipalities: [...municipalities].sort(),
    channel: problem.channel,
    status: problem.status,
    mergedIntoId: problem.mergedIntoId,
    isHidden: problem.hiddenAt !== null,
    hiddenReason: problem.hiddenReason,
    ...extra,
  };
}
