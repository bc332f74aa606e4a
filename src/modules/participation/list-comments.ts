import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../accounts/read-models.js';
import { institutions } from '../directory/schema.js';
import { commentReports, comments, type CommentKind } from './schema.js';
import type { TargetRef } from '../../kernel/records.js';

/** The author's name, or null when their account was cancelled (pages say "cancelled account"). */
const authorName = sql<string | null>`case when ${users.status} = 'deleted' then null else ${users.name} end`;

export interface CommentView {
  id: string;
  kind: CommentKind;
  /** Null when the author cancelled their account. */
  authorName: string | null;
  institutionName: string | null;
  createdAt: Date;
  /** Null once hidden: the public sees only that it was hidden and why. */
  body: string | null;
  isHidden: boolean;
  hiddenReason: string | null;
  /** How many people reported it (shown to moderators only). */
  reportCount: number;
  isReportedByViewer: boolean;
}

/** The comments of a target, oldest first (a conversation reads top to bottom), in two queries. */
export async function listComments(
  db: Db,
  target: TargetRef,
  options: { viewerId?: string | undefined } = {},
): Promise<CommentView[]> {
  const rows = await db
    .select({
      id: comments.id,
      kind: comments.kind,
      authorName,
      institutionName: institutions.name,
      createdAt: comments.createdAt,
      body: comments.body,
      status: comments.status,
      hiddenReason: comments.hiddenReason,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(institutions, eq(institutions.id, comments.institutionId))
    .where(and(eq(comments.targetType, target.recordType), eq(comments.targetId, target.recordId)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const ids = rows.map((row) => row.id);
  const reports = ids.length
    ? await db
        .select({ commentId: commentReports.commentId, reporterId: commentReports.reporterId })
        .from(commentReports)
        .where(inArray(commentReports.commentId, ids))
    : [];
  return rows.map((row) => {
    const mine = reports.filter((report) => report.commentId === row.id);
    const isHidden = row.status === 'hidden';
    return {
      id: row.id,
      kind: row.kind,
      authorName: row.authorName,
      institutionName: row.institutionName,
      createdAt: row.createdAt,
      body: isHidden ? null : row.body,
      isHidden,
      hiddenReason: isHidden ? row.hiddenReason : null,
      reportCount: mine.length,
      isReportedByViewer:
        options.viewerId !== undefined && mine.some((report) => report.reporterId === options.viewerId),
    };
  });
}

/** Visible comments that people reported, most reported first: the moderators' queue. */
export async function listReportedComments(db: Db) {
  return db
    .select({
      id: comments.id,
      targetType: comments.targetType,
      targetId: comments.targetId,
      body: comments.body,
      createdAt: comments.createdAt,
      authorName,
      reports: count(commentReports.id),
    })
    .from(comments)
    .innerJoin(commentReports, eq(commentReports.commentId, comments.id))
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.status, 'visible'))
    .groupBy(comments.id, users.name, users.status)
    .orderBy(desc(count(commentReports.id)), asc(comments.createdAt))
    .limit(200);
}
