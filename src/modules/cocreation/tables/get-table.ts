import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { users } from '../../accounts/read-models.js';
import { problems, proposals, workshopProblems, workshopRegistrations, workshops } from '../schema.js';

/*
 * The listed table's id, named in full: in a one-table select Drizzle writes `${workshops.id}` as a bare "id", which
 * inside the subqueries would mean the registration's own id.
 */
const listedTableId = sql.raw('"workshops"."id"');

/** How many people hold a place, wait, and attended: the only public figures. */
const figures = {
  registered: sql<number>`(select count(*)::int from workshop_registrations r where r.workshop_id = ${listedTableId} and r.status = 'registered')`,
  waitlisted: sql<number>`(select count(*)::int from workshop_registrations r where r.workshop_id = ${listedTableId} and r.status = 'waitlisted')`,
  attended: sql<number>`(select count(*)::int from workshop_registrations r where r.workshop_id = ${listedTableId} and r.status <> 'cancelled' and r.attended)`,
};

/**
 * One co-creation table by its number, with what its page shows: its problems, its figures (places taken, waiting
 * list, attendance), the viewer's registration, and the proposals that came out of it. Staff also get the list of
 * registrations with names and needs (personal data, never public).
 */
export async function getTable(
  db: Db,
  exerciseId: string,
  number: number,
  viewer: { userId?: string; isStaff: boolean },
) {
  const [row] = await db
    .select({ table: workshops, ...figures })
    .from(workshops)
    .where(and(eq(workshops.exerciseId, exerciseId), eq(workshops.number, number)));
  if (!row) throw notFound('workshop');
  const { table } = row;
  const [themes, outcome, mine, registrations] = await Promise.all([
    db
      .select({ number: problems.number, title: problems.title, hiddenAt: problems.hiddenAt })
      .from(workshopProblems)
      .innerJoin(problems, eq(problems.id, workshopProblems.problemId))
      .where(eq(workshopProblems.workshopId, table.id))
      .orderBy(asc(problems.number)),
    db
      .select({ number: proposals.number, title: proposals.title, status: proposals.status })
      .from(proposals)
      .where(and(eq(proposals.workshopId, table.id), isNull(proposals.hiddenAt)))
      .orderBy(asc(proposals.number)),
    viewer.userId
      ? db
          .select({
            status: workshopRegistrations.status,
            accessibilityNeeds: workshopRegistrations.accessibilityNeeds,
            interpreterLanguage: workshopRegistrations.interpreterLanguage,
            position: sql<number>`(select count(*)::int from workshop_registrations w where w.workshop_id = ${table.id}
              and w.status = 'waitlisted' and w.queue_number <= ${sql.raw('"workshop_registrations"."queue_number"')})`,
          })
          .from(workshopRegistrations)
          .where(and(eq(workshopRegistrations.workshopId, table.id), eq(workshopRegistrations.userId, viewer.userId)))
      : Promise.resolve([]),
    viewer.isStaff
      ? db
          .select({
            id: workshopRegistrations.id,
            name: users.name,
            status: workshopRegistrations.status,
            accessibilityNeeds: workshopRegistrations.accessibilityNeeds,
            interpreterLanguage: workshopRegistrations.interpreterLanguage,
            attended: workshopRegistrations.attended,
          })
          .from(workshopRegistrations)
          .innerJoin(users, eq(users.id, workshopRegistrations.userId))
          .where(eq(workshopRegistrations.workshopId, table.id))
          .orderBy(asc(workshopRegistrations.queueNumber))
      : Promise.resolve([]),
  ]);
  const registration =
    mine[0] && mine[0].status !== 'cancelled' ? { ...mine[0], position: Number(mine[0].position) } : undefined;
  return {
    table,
    figures: { registered: Number(row.registered), waitlisted: Number(row.waitlisted), attended: Number(row.attended) },
    problems: themes.map((problem) => ({
      number: problem.number,
      title: problem.hiddenAt === null ? problem.title : null,
    })),
    proposals: outcome,
    registration,
    registrations: registrations.filter((r) => r.status !== 'cancelled'),
  };
}
export type TableDetail = Awaited<ReturnType<typeof getTable>>;

/** The co-creation tables of an exercise, soonest first, with their figures and their problems' numbers. */
export async function listTables(db: Db, exerciseId: string) {
  const rows = await db
    .select({
      number: workshops.number,
      title: workshops.title,
      startsAt: workshops.startsAt,
      place: workshops.place,
      onlineUrl: workshops.onlineUrl,
      capacity: workshops.capacity,
      status: workshops.status,
      ...figures,
      problemNumbers: sql<string>`(select coalesce(string_agg(p.number::text, ', ' order by p.number), '') from workshop_problems wp join problems p on p.id = wp.problem_id where wp.workshop_id = ${listedTableId})`,
    })
    .from(workshops)
    .where(eq(workshops.exerciseId, exerciseId))
    .orderBy(asc(workshops.startsAt), asc(workshops.number));
  return rows.map((row) => ({
    ...row,
    registered: Number(row.registered),
    waitlisted: Number(row.waitlisted),
    attended: Number(row.attended),
  }));
}
export type TableListItem = Awaited<ReturnType<typeof listTables>>[number];

/** The visible proposals answering a table's problems that closing it may link: not yet from another table. */
export async function listTableCandidates(db: Db, workshopId: string) {
  return db
    .select({ number: proposals.number, title: proposals.title })
    .from(proposals)
    .innerJoin(workshopProblems, eq(workshopProblems.problemId, proposals.problemId))
    .where(
      and(
        eq(workshopProblems.workshopId, workshopId),
        isNull(proposals.hiddenAt),
        sql`(${proposals.workshopId} is null or ${proposals.workshopId} = ${workshopId})`,
      ),
    )
    .orderBy(asc(proposals.number));
}
