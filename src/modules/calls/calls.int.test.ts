import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { changeLog } from '../audit/schema.js';
import { verifyChangeLog } from '../audit/verify-change-log.js';
import { exercises } from '../exercises/schema.js';
import { cancelCall } from './cancel-call.js';
import { closeDueCalls } from './close-due-calls.js';
import { createCall } from './create-call.js';
import { publishCall } from './publish-call.js';
import { calls } from './schema.js';
import { updateCall } from './update-call.js';
import { personActor, portalActor } from '../../testing/actors.js';

const admin = personActor('0b7e5a52-6c1f-4f0e-9a3b-2d4c6e8f0a1b', ['admin']);

async function exerciseId(db: Db) {
  const [exercise] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(eq(exercises.slug, 'segundo-pal-2017-2019'));
  return exercise!.id;
}

/** A call of the demo's second exercise, with the Durango 2020 dates unless told otherwise. */
async function makeCall(db: Db, overrides: Partial<Parameters<typeof createCall>[1]> = {}) {
  return createCall(
    db,
    {
      exerciseId: await exerciseId(db),
      title: 'Convocatoria de prueba',
      summary: 'Para probar el cierre y los envíos.',
      generalObjective: 'Probar.',
      requirements: ['Ser residente del estado de Durango.'],
      eligibleStateCode: '10',
      opensAt: new Date('2020-09-29T05:00:00Z'),
      closesAt: new Date('2020-11-16T05:59:00Z'),
      contactEmail: 'gobiernoabierto@example.mx',
      ...overrides,
    },
    portalActor,
  );
}

const afterClosing = new Date('2020-11-20T18:00:00Z');
const historyOf = (db: Db, id: string) =>
  db
    .select()
    .from(changeLog)
    .where(and(eq(changeLog.recordType, 'call'), eq(changeLog.recordId, id)))
    .orderBy(changeLog.seq);

describe('the life of a call', () => {
  it('keeps a draft out of the public change log; publishing starts its history and later corrections are logged with before and after', async () => {
    const db = (await createTestDatabase({ withDemo: true })).db;
    const now = new Date('2020-09-01T12:00:00Z');
    const draft = await makeCall(db);
    expect(draft.status).toBe('draft');
    await updateCall(
      db,
      draft.id,
      { ...draft, resultsText: undefined, title: 'Convocatoria corregida' },
      { actor: admin, now },
    );
    expect(await historyOf(db, draft.id)).toEqual([]);

    await publishCall(db, draft.id, { actor: admin, now });
    await updateCall(
      db,
      draft.id,
      { ...draft, resultsText: undefined, title: 'Convocatoria corregida', closesAt: new Date('2020-11-23T05:59:00Z') },
      { actor: admin, now },
    );
    const history = await historyOf(db, draft.id);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(history[0]!.after).toMatchObject({ status: 'published', title: 'Convocatoria corregida' });
    expect(history[1]!.before).toMatchObject({ closesAt: '2020-11-16T05:59:00.000Z' });
    expect(history[1]!.after).toMatchObject({ closesAt: '2020-11-23T05:59:00.000Z' });
    expect(history.every((entry) => entry.actorLabel === 'Administración del portal')).toBe(true);
    expect((await verifyChangeLog(db)).ok).toBe(true);
  });

  it('refuses to publish a call whose closing has passed, to edit a closed one, and to move a published one’s closing into the past', async () => {
    const db = (await createTestDatabase({ withDemo: true })).db;
    const draft = await makeCall(db);
    await expect(publishCall(db, draft.id, { actor: admin, now: afterClosing })).rejects.toMatchObject({
      details: { reason: 'closesInPast' },
    });
    const now = new Date('2020-10-01T00:00:00Z');
    await publishCall(db, draft.id, { actor: admin, now });
    await expect(publishCall(db, draft.id, { actor: admin, now })).rejects.toMatchObject({
      details: { reason: 'notDraft' },
    });
    await expect(
      updateCall(
        db,
        draft.id,
        { ...draft, resultsText: undefined, closesAt: new Date('2020-09-30T00:00:00Z') },
        { actor: admin, now },
      ),
    ).rejects.toMatchObject({
      details: { reason: 'closesInPast' },
    });
    await closeDueCalls(db, afterClosing);
    await expect(
      updateCall(db, draft.id, { ...draft, resultsText: undefined }, { actor: admin, now: afterClosing }),
    ).rejects.toMatchObject({ details: { reason: 'notEditable' } });
    await expect(
      cancelCall(db, draft.id, { reason: 'Ya no se puede cancelar.' }, { actor: admin }),
    ).rejects.toMatchObject({ details: { reason: 'notPublished' } });
  });

  it('closes published calls once their closing instant has passed, by the system, and only those', async () => {
    const db = (await createTestDatabase({ withDemo: true })).db;
    const due = await makeCall(db, { status: 'published' });
    const later = await makeCall(db, { status: 'published', closesAt: new Date('2020-12-01T05:59:00Z') });
    const draft = await makeCall(db);

    expect(await closeDueCalls(db, new Date('2020-11-16T05:58:59Z'))).toEqual([]);
    expect(await closeDueCalls(db, new Date('2020-11-16T05:59:00Z'))).toEqual([due.id]);
    expect(await closeDueCalls(db, new Date('2020-11-16T06:10:00Z'))).toEqual([]);
    const rows = await db
      .select({ id: calls.id, status: calls.status })
      .from(calls)
      .where(inArray(calls.id, [due.id, later.id, draft.id]));
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [due.id]: 'closed',
      [later.id]: 'published',
      [draft.id]: 'draft',
    });

    const [entry] = (await historyOf(db, due.id)).filter((e) => e.action === 'update');
    expect(entry).toMatchObject({
      actorLabel: 'Sistema',
      actorId: null,
      before: { status: 'published' },
      after: { status: 'closed' },
    });
    expect((await verifyChangeLog(db)).ok).toBe(true);
  });

  it('cancels a published call with a public reason', async () => {
    const db = (await createTestDatabase({ withDemo: true })).db;
    const call = await makeCall(db, { status: 'published' });
    const cancelled = await cancelCall(
      db,
      call.id,
      { reason: 'Se suspende por la contingencia sanitaria.' },
      { actor: admin },
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', resultsText: 'Se suspende por la contingencia sanitaria.' });
    expect((await historyOf(db, call.id)).at(-1)).toMatchObject({ action: 'update', after: { status: 'cancelled' } });
  });
});
