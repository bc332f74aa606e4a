import { and, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { moderatorRoles } from '../policy.js';
import { proposals, workshopProblems, workshopRegistrations, workshops } from '../schema.js';

/** The scheduled table, locked; refused once it is closed. */
async function scheduledTable(tx: Db, workshopId: string) {
  const [table] = await tx.select().from(workshops).where(eq(workshops.id, workshopId)).for('update');
  if (!table) throw notFound('workshop');
  if (table.status !== 'scheduled') throw new AppError('conflict', 'the table is closed', { reason: 'tableClosed' });
  return table;
}

/**
 * Staff record who attended (the registrations ticked; everyone else with a place did not). Attendance is personal
 * data: only its count is public. Refused once the table is closed.
 */
export async function recordTableAttendance(
  db: Db,
  workshopId: string,
  input: { attendedIds: readonly string[] },
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  return db.transaction(async (tx) => {
    await scheduledTable(tx, workshopId);
    const active = await tx
      .select({ id: workshopRegistrations.id })
      .from(workshopRegistrations)
      .where(and(eq(workshopRegistrations.workshopId, workshopId), ne(workshopRegistrations.status, 'cancelled')));
    const attended = new Set(input.attendedIds);
    for (const registration of active)
      await tx
        .update(workshopRegistrations)
        .set({ attended: attended.has(registration.id), updatedAt: options.now })
        .where(eq(workshopRegistrations.id, registration.id));
  });
}

export const closeTableInput = z.object({
  closingReport: z.string().trim().min(20, 'closingReport.required').max(10_000, 'closingReport.tooLong'),
  attendingOrganisations: z
    .array(z.string().trim().min(2).max(200))
    .min(1, 'attendingOrganisations.required')
    .max(200, 'attendingOrganisations.required'),
  proposalNumbers: z
    .array(z.coerce.number().int().min(1).max(1_000_000))
    .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
});

/**
 * Staff close a table once it has been held: its closing report and the organisations that attended are required
 * and published, and the proposals that came out of it (answering its problems) point to it from then on, shown
 * with the table as their author. Logged.
 */
export async function closeTable(
  db: Db,
  workshopId: string,
  input: z.input<typeof closeTableInput>,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const values = closeTableInput.parse(input);
  const actor = changeActorOf(options.actor);
  return db.transaction(async (tx) => {
    const table = await scheduledTable(tx, workshopId);
    if (table.startsAt.getTime() > options.now.getTime())
      throw new AppError('conflict', 'the table has not been held yet', { reason: 'notHeldYet' });
    const problemIds = (
      await tx
        .select({ id: workshopProblems.problemId })
        .from(workshopProblems)
        .where(eq(workshopProblems.workshopId, workshopId))
    ).map((row) => row.id);
    const outcome = values.proposalNumbers.length
      ? await tx
          .select()
          .from(proposals)
          .where(and(eq(proposals.exerciseId, table.exerciseId), inArray(proposals.number, values.proposalNumbers)))
      : [];
    if (
      outcome.length !== values.proposalNumbers.length ||
      outcome.some(
        (proposal) =>
          !problemIds.includes(proposal.problemId) ||
          proposal.hiddenAt !== null ||
          (proposal.workshopId !== null && proposal.workshopId !== workshopId),
      )
    )
      throw new AppError('validation', 'not a proposal of this table', {
        field: 'proposalNumbers',
        reason: 'tableProposals.invalid',
      });
    const organisations = values.attendingOrganisations.join('\n');
    const [after] = await tx
      .update(workshops)
      .set({
        status: 'closed',
        closingReport: values.closingReport,
        attendingOrganisations: organisations,
        closedAt: options.now,
        updatedAt: options.now,
      })
      .where(eq(workshops.id, workshopId))
      .returning();
    await appendChange(tx, {
      actor,
      recordType: 'workshop',
      recordId: workshopId,
      action: 'update',
      before: { status: table.status },
      after: {
        status: 'closed',
        closingReport: values.closingReport,
        attendingOrganisations: organisations,
        closedAt: options.now,
      },
      occurredAt: options.now,
    });
    for (const proposal of outcome.filter((p) => p.workshopId === null)) {
      await tx.update(proposals).set({ workshopId, updatedAt: options.now }).where(eq(proposals.id, proposal.id));
      await appendChange(tx, {
        actor,
        recordType: 'proposal',
        recordId: proposal.id,
        action: 'update',
        before: { workshopId: null },
        after: { workshopId },
        occurredAt: options.now,
      });
    }
    return after!;
  });
}
