import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUuid, type ResolvedTarget, type TargetDefinition } from '../../kernel/records.js';
import { exercises } from '../exercises/schema.js';
import { calls } from './schema.js';

/** A published (or closed) call: people may comment on it and follow it; the convening institution answers. */
export const callTarget: TargetDefinition = {
  isFollowable: true,
  async resolve(db: Db, recordId: string): Promise<ResolvedTarget | undefined> {
    if (!isUuid(recordId)) return undefined;
    const [row] = await db
      .select({
        id: calls.id,
        title: calls.title,
        slug: exercises.slug,
        convenerInstitutionId: exercises.convenerInstitutionId,
      })
      .from(calls)
      .innerJoin(exercises, eq(exercises.id, calls.exerciseId))
      .where(and(eq(calls.id, recordId), ne(calls.status, 'draft')));
    if (!row) return undefined;
    return {
      recordType: 'call',
      recordId: row.id,
      title: row.title,
      path: `/ejercicios/${row.slug}/convocatoria`,
      answeringInstitutionIds: [row.convenerInstitutionId],
    };
  },
};
