import { and, eq, isNull } from 'drizzle-orm';
import { isUuid, type ChangeOwner, type TargetDefinition } from '../../../kernel/records.js';
import { exercises } from '../../exercises/schema.js';
import { proposalPath } from '../paths.js';
import { proposals } from '../schema.js';

/**
 * A visible proposal people may comment on and follow (they hear of its edits and its decision); the liaisons of the
 * exercise's convening body may answer it officially. A hidden proposal is no target.
 */
export const proposalTarget: TargetDefinition = {
  isFollowable: true,
  async resolve(db, recordId) {
    if (!isUuid(recordId)) return undefined;
    const [row] = await db
      .select({
        id: proposals.id,
        number: proposals.number,
        title: proposals.title,
        slug: exercises.slug,
        convenerId: exercises.convenerInstitutionId,
      })
      .from(proposals)
      .innerJoin(exercises, eq(exercises.id, proposals.exerciseId))
      .where(and(eq(proposals.id, recordId), isNull(proposals.hiddenAt)));
    if (!row) return undefined;
    return {
      recordType: 'proposal',
      recordId: row.id,
      title: row.title,
      path: proposalPath(row.slug, row.number),
      answeringInstitutionIds: [row.convenerId],
    };
  },
};

/** A link between a commitment and its origin belongs to the problem or proposal: their followers hear of it. */
export const commitmentOriginOwner: ChangeOwner = async (_db, entry) => {
  const fields = (entry.after ?? entry.before ?? {}) as { problemId?: string | null; proposalId?: string | null };
  if (fields.problemId) return { recordType: 'problem', recordId: fields.problemId };
  if (fields.proposalId) return { recordType: 'proposal', recordId: fields.proposalId };
  return undefined;
};
