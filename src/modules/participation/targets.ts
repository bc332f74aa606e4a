import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { calls } from '../calls/schema.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, activities, commitments, milestones } from '../plan/schema.js';
import { commitmentIsPublic } from '../plan/visibility.js';
import { comments } from './schema.js';

/** A record people can comment on or follow: its type in the change log (`commitment`, `problem`…) and its id. */
export interface TargetRef {
  recordType: string;
  recordId: string;
}

/** What the participation module needs to know about one public target. */
export interface ResolvedTarget extends TargetRef {
  /** Its public title, in the language the record is written in. */
  title: string;
  /** The path of its public page; comments and follow buttons live there (under #comentarios). */
  path: string;
  /** Institutions whose liaisons may post an official response on it (e.g. a commitment's lead institution). */
  answeringInstitutionIds: string[];
}

/** The change-log fields the registry sees when it decides which followable target an entry belongs to. */
export interface ChangeLogEntryView {
  recordType: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

export interface TargetDefinition {
  /** The target when it exists and is public, else undefined (then nobody can comment on it or follow it). */
  resolve(db: Db, recordId: string): Promise<ResolvedTarget | undefined>;
  /** Whether people may follow it (and get e-mail when it changes), besides commenting on it. */
  isFollowable: boolean;
}

/**
 * THE REGISTRY OF PARTICIPATION TARGETS (lead engineer: this is the one file to extend at merge).
 *
 * `targetDefinitions`: every record type people can comment on or follow, keyed by its change-log record type.
 *   To add the plan's records, write one definition per type (resolve its title, public path and answering
 *   institutions in one query), e.g.
 *     commitment: { isFollowable: true, resolve: (db, id) => … { title: c.title, path: `/plan/compromisos/${c.number}`,
 *                   answeringInstitutionIds: [c.leadInstitutionId] } },
 *     milestone:  { isFollowable: false, resolve: … answeringInstitutionIds: [m.responsibleInstitutionId] },
 *     problem / proposal: likewise.
 *
 * `changeOwners`: for follows, which followable target a change-log entry belongs to. An entry of a followable
 *   type belongs to itself (no need to list it). List here the types whose changes should reach the followers of
 *   another record, e.g.
 *     activity:  async (db, entry) => ({ recordType: 'commitment', recordId: <the activity's commitment id> }),
 *     milestone: likewise, through its commitment. Return undefined when the entry concerns no followable target.
 *   Read ids from `entry.after ?? entry.before` (the log keeps the whole row) before querying.
 *
 * Until the plan module lands, the published call ('call') is a target, so that comments, follows and their
 * e-mails work end to end (tests and the demo use it).
 */
export const targetDefinitions: Record<string, TargetDefinition> = {
  call: {
    isFollowable: true,
    async resolve(db, recordId) {
      if (!isUuid(recordId)) return undefined;
      const [row] = await db
        .select({ id: calls.id, title: calls.title, slug: exercises.slug, convenerInstitutionId: exercises.convenerInstitutionId })
        .from(calls)
        .innerJoin(exercises, eq(exercises.id, calls.exerciseId))
        .where(and(eq(calls.id, recordId), ne(calls.status, 'draft')));
      if (!row) return undefined;
      return { recordType: 'call', recordId: row.id, title: row.title, path: `/ejercicios/${row.slug}/convocatoria`, answeringInstitutionIds: [row.convenerInstitutionId] };
    },
  },
  /** A public commitment of a Local Action Plan (not a draft nor in co-creation, of a plan that is not a draft): its lead institution answers officially. */
  commitment: {
    isFollowable: true,
    async resolve(db, recordId) {
      if (!isUuid(recordId)) return undefined;
      const [row] = await db
        .select({ id: commitments.id, number: commitments.number, title: commitments.title, leadInstitutionId: commitments.leadInstitutionId, slug: exercises.slug })
        .from(commitments)
        .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
        .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
        .where(and(eq(commitments.id, recordId), commitmentIsPublic(commitments.status, actionPlans.status)));
      if (!row) return undefined;
      return {
        recordType: 'commitment',
        recordId: row.id,
        title: row.title,
        path: `/ejercicios/${row.slug}/plan/compromisos/${row.number}`,
        answeringInstitutionIds: [row.leadInstitutionId],
      };
    },
  },
};

type ChangeOwner = (db: Db, entry: ChangeLogEntryView) => Promise<TargetRef | undefined>;

export const changeOwners: Record<string, ChangeOwner> = {
  /** A comment, an official response or a moderation reaches the followers of the commented record. */
  comment: async (db, entry) => {
    const row = (entry.after ?? entry.before) as { targetType?: unknown; targetId?: unknown } | null;
    if (typeof row?.targetType === 'string' && typeof row.targetId === 'string') return { recordType: row.targetType, recordId: row.targetId };
    if (!isUuid(entry.recordId)) return undefined;
    const [comment] = await db.select({ targetType: comments.targetType, targetId: comments.targetId }).from(comments).where(eq(comments.id, entry.recordId));
    return comment ? { recordType: comment.targetType, recordId: comment.targetId } : undefined;
  },
};

/** The commitment a milestone, an activity, or an activity's note or evidence belongs to (ids read from the logged row). */
const commitmentOfMilestone = async (db: Db, milestoneId: unknown): Promise<TargetRef | undefined> => {
  if (typeof milestoneId !== 'string' || !isUuid(milestoneId)) return undefined;
  const [row] = await db.select({ commitmentId: milestones.commitmentId }).from(milestones).where(eq(milestones.id, milestoneId));
  return row ? { recordType: 'commitment', recordId: row.commitmentId } : undefined;
};
const commitmentOfActivity = async (db: Db, activityId: unknown): Promise<TargetRef | undefined> => {
  if (typeof activityId !== 'string' || !isUuid(activityId)) return undefined;
  const [row] = await db.select({ milestoneId: activities.milestoneId }).from(activities).where(eq(activities.id, activityId));
  return row ? commitmentOfMilestone(db, row.milestoneId) : undefined;
};
const loggedRow = (entry: ChangeLogEntryView) => (entry.after ?? entry.before ?? {}) as Record<string, unknown>;

Object.assign(changeOwners, {
  milestone: async (db: Db, entry: ChangeLogEntryView) => {
    const commitmentId = loggedRow(entry).commitmentId;
    if (typeof commitmentId === 'string') return { recordType: 'commitment', recordId: commitmentId };
    return commitmentOfMilestone(db, entry.recordId);
  },
  activity: async (db: Db, entry: ChangeLogEntryView) => (await commitmentOfMilestone(db, loggedRow(entry).milestoneId)) ?? commitmentOfActivity(db, entry.recordId),
  activity_note: async (db: Db, entry: ChangeLogEntryView) => commitmentOfActivity(db, loggedRow(entry).activityId),
  evidence: async (db: Db, entry: ChangeLogEntryView) => commitmentOfActivity(db, loggedRow(entry).activityId),
} satisfies Record<string, ChangeOwner>);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => uuidPattern.test(value);

/** The public target of a record type and id, or undefined when that type is not a target or the record is not public. */
export async function resolveTarget(db: Db, recordType: string, recordId: string): Promise<ResolvedTarget | undefined> {
  const definition = Object.hasOwn(targetDefinitions, recordType) ? targetDefinitions[recordType] : undefined;
  return definition?.resolve(db, recordId);
}

export const isFollowableType = (recordType: string) => Object.hasOwn(targetDefinitions, recordType) && targetDefinitions[recordType]!.isFollowable;

/** The followable target a change-log entry concerns, if any (itself, or its owner through `changeOwners`). */
export async function followableTargetOf(db: Db, entry: ChangeLogEntryView): Promise<TargetRef | undefined> {
  const owner = Object.hasOwn(changeOwners, entry.recordType) ? changeOwners[entry.recordType] : undefined;
  const target = owner ? await owner(db, entry) : { recordType: entry.recordType, recordId: entry.recordId };
  if (!target) return undefined;
  if (isFollowableType(target.recordType)) return target;
  // A change of a non-followable target (a comment on a milestone) may still belong to a followable one.
  const parent = Object.hasOwn(changeOwners, target.recordType) && target.recordType !== entry.recordType ? await changeOwners[target.recordType]!(db, { recordType: target.recordType, recordId: target.recordId, before: null, after: null }) : undefined;
  return parent && isFollowableType(parent.recordType) ? parent : undefined;
}
