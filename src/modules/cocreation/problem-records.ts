import { and, eq, isNull } from 'drizzle-orm';
import { isUuid, type TargetDefinition } from '../../kernel/records.js';
import { exercises } from '../exercises/schema.js';
import { problemPath } from './paths.js';
import { problems } from './schema.js';

/**
 * A visible problem people may comment on and follow; the liaisons of the exercise's convening body may answer it
 * officially. A hidden problem is no target (its page says why it was hidden).
 */
export const problemTarget: TargetDefinition = {
  isFollowable: true,
  async resolve(db, recordId) {
    if (!isUuid(recordId)) return undefined;
    const [row] = await db
      .select({
        id: problems.id,
        number: problems.number,
        title: problems.title,
        slug: exercises.slug,
        convenerId: exercises.convenerInstitutionId,
      })
      .from(problems)
      .innerJoin(exercises, eq(exercises.id, problems.exerciseId))
      .where(and(eq(problems.id, recordId), isNull(problems.hiddenAt)));
    if (!row) return undefined;
    return {
      recordType: 'problem',
      recordId: row.id,
      title: row.title,
      path: problemPath(row.slug, row.number),
      answeringInstitutionIds: [row.convenerId],
    };
  },
};
