import { and, asc, eq, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../accounts/read-models.js';
import { storedFiles } from '../../files/read-models.js';
import { finalProblemStatuses, problems, problemSupports } from '../schema.js';

/** One scanned paper form captured by staff: a problem, or a sheet of supports of a problem. */
export interface PaperCapture {
  kind: 'problem' | 'supports';
  problemNumber: number;
  problemTitle: string;
  /** How many supports the sheet carried (1 for a problem). */
  count: number;
  capturedAt: Date;
  capturedBy: string | null;
  scan: { id: string; originalName: string } | null;
}

/**
 * The paper forms captured in an exercise, newest first, with who captured each and its scan: for the capture page,
 * which only staff see.
 */
export async function listPaperCaptures(db: Db, exerciseId: string): Promise<PaperCapture[]> {
  const capturedProblems = await db
    .select({
      number: problems.number,
      title: problems.title,
      capturedAt: problems.createdAt,
      capturedBy: users.name,
      scanId: storedFiles.id,
      scanName: storedFiles.originalName,
    })
    .from(problems)
    .leftJoin(users, eq(users.id, problems.capturedBy))
    .leftJoin(storedFiles, eq(storedFiles.id, problems.scanFileId))
    .where(and(eq(problems.exerciseId, exerciseId), eq(problems.channel, 'in_person'), isNotNull(problems.scanFileId)));
  const sheets = await db
    .select({
      number: problems.number,
      title: problems.title,
      count: sql<number>`count(*)::int`,
      capturedAt: sql<Date>`min(${problemSupports.createdAt})`,
      capturedBy: users.name,
      scanId: storedFiles.id,
      scanName: storedFiles.originalName,
    })
    .from(problemSupports)
    .innerJoin(problems, eq(problems.id, problemSupports.problemId))
    .leftJoin(users, eq(users.id, problemSupports.capturedBy))
    .innerJoin(storedFiles, eq(storedFiles.id, problemSupports.scanFileId))
    .where(eq(problems.exerciseId, exerciseId))
    .groupBy(problems.number, problems.title, users.name, storedFiles.id, storedFiles.originalName);
  const scanOf = (row: { scanId: string | null; scanName: string | null }) =>
    row.scanId && row.scanName ? { id: row.scanId, originalName: row.scanName } : null;
  return [
    ...capturedProblems.map((row): PaperCapture => ({
      kind: 'problem',
      problemNumber: row.number,
      problemTitle: row.title,
      count: 1,
      capturedAt: row.capturedAt,
      capturedBy: row.capturedBy,
      scan: scanOf(row),
    })),
    ...sheets.map((row): PaperCapture => ({
      kind: 'supports',
      problemNumber: row.number,
      problemTitle: row.title,
      count: Number(row.count),
      capturedAt: new Date(row.capturedAt),
      capturedBy: row.capturedBy,
      scan: scanOf(row),
    })),
  ].sort((a, b) => b.capturedAt.getTime() - a.capturedAt.getTime() || b.problemNumber - a.problemNumber);
}

/** The problems of an exercise that still take supports (visible, not in a final state), by number. */
export async function listSupportableProblems(db: Db, exerciseId: string) {
  return db
    .select({ number: problems.number, title: problems.title })
    .from(problems)
    .where(
      and(
        eq(problems.exerciseId, exerciseId),
        isNull(problems.hiddenAt),
        notInArray(problems.status, [...finalProblemStatuses]),
      ),
    )
    .orderBy(asc(problems.number));
}
