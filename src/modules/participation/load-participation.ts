import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../kernel/actor.js';
import { institutions } from '../directory/schema.js';
import { isFollowing } from './follows.js';
import { listComments, type CommentView } from './list-comments.js';
import { canModerate, officialInstitutionIds } from './policy.js';
import type { RecordCatalog, ResolvedTarget, TargetRef } from '../../kernel/records.js';

/** What the viewer may do on a target's comments and follow button. */
export interface ParticipationViewer {
  isSignedIn: boolean;
  canModerate: boolean;
  /** Institutions the viewer may answer for officially on this target (liaisons of its answering institutions). */
  officialInstitutions: { id: string; name: string }[];
  /** Undefined when the target cannot be followed. */
  isFollowing: boolean | undefined;
}

export interface ParticipationPanel {
  target: ResolvedTarget;
  comments: CommentView[];
  viewer: ParticipationViewer;
}

/**
 * Everything a public page needs to show a target's comments and follow button (<CommentsSection>, <FollowButton>),
 * in a few queries. Undefined when the record is not a participation target or not public.
 */
export async function loadParticipation(
  db: Db,
  records: RecordCatalog,
  ref: TargetRef,
  actor: Actor | undefined,
): Promise<ParticipationPanel | undefined> {
  const target = await records.resolveTarget(db, ref.recordType, ref.recordId);
  if (!target) return undefined;
  const officialIds = officialInstitutionIds(actor, target);
  const [comments, official, following] = await Promise.all([
    listComments(db, target, { viewerId: actor?.userId }),
    officialIds.length
      ? db
          .select({ id: institutions.id, name: institutions.name })
          .from(institutions)
          .where(inArray(institutions.id, officialIds))
      : Promise.resolve([]),
    actor && records.isFollowableType(target.recordType)
      ? isFollowing(db, actor.userId, target)
      : Promise.resolve(records.isFollowableType(target.recordType) ? false : undefined),
  ]);
  return {
    target,
    comments,
    viewer: {
      isSignedIn: actor !== undefined,
      canModerate: canModerate(actor),
      officialInstitutions: official,
      isFollowing: following,
    },
  };
}

/** Notices a target's page shows after a participation form redirected back to it (`?participacion=`). */
export const participationNotices = {
  comentado: 'participation.notice.commented',
  respondido: 'participation.notice.answered',
  reportado: 'participation.notice.reported',
  oculto: 'participation.notice.hidden',
  siguiendo: 'participation.notice.followed',
  'sin-seguir': 'participation.notice.unfollowed',
} as const;
export type ParticipationNotice = keyof typeof participationNotices;
export const participationNoticeOf = (query: unknown): ParticipationNotice | undefined => {
  const value = (query as Record<string, unknown> | undefined)?.participacion;
  return typeof value === 'string' && Object.hasOwn(participationNotices, value)
    ? (value as ParticipationNotice)
    : undefined;
};
