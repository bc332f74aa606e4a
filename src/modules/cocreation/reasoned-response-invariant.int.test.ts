import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import { exercises } from '../exercises/schema.js';
import { finalProblemStatuses, problems, proposals, reasonedResponses, type ResponseSubject } from './schema.js';

/** A proposal's final states: accepted into the plan, or rejected. */
const finalProposalStatuses = ['accepted', 'rejected'] as const;

/*
 * The reasoned response's invariant (issue 13 item 9, OGP Standard 4): every problem and every proposal in a final
 * state has a current answer (its latest not withdrawn) whose outcome is that state, with a reason code and an
 * explanation; the public page and the open dataset show that explanation.
 */
describe('the reasoned response: every input in a final state is explained', () => {
  it('holds for every problem and proposal of the demo, on the page and in the dataset', async () => {
    const { app, database } = await createTestApp({ lifetime: 'file' });
    const { db } = database;
    const finalProblems = await db
      .select({ id: problems.id, number: problems.number, status: problems.status, slug: exercises.slug })
      .from(problems)
      .innerJoin(exercises, eq(exercises.id, problems.exerciseId))
      .where(inArray(problems.status, [...finalProblemStatuses]));
    const finalProposals = await db
      .select({ id: proposals.id, number: proposals.number, status: proposals.status, slug: exercises.slug })
      .from(proposals)
      .innerJoin(exercises, eq(exercises.id, proposals.exerciseId))
      .where(inArray(proposals.status, [...finalProposalStatuses]));
    // The demo has inputs in every final state, so the invariant is tested on something.
    expect(new Set(finalProblems.map((p) => p.status))).toEqual(new Set(finalProblemStatuses));
    expect(new Set(finalProposals.map((p) => p.status))).toEqual(new Set(finalProposalStatuses));

    const dataset = JSON.parse((await app.inject({ url: '/datos/respuesta-razonada.json' })).body) as {
      data: Record<string, unknown>[];
    };
    const pages = new Map<string, string>();
    const pageOf = async (slug: string) => {
      if (!pages.has(slug)) pages.set(slug, (await app.inject({ url: `/ejercicios/${slug}/respuesta-razonada` })).body);
      return pages.get(slug)!;
    };
    const check = async (
      subject: ResponseSubject,
      item: { id: string; number: number; status: string; slug: string },
    ) => {
      const label = `${subject} ${item.slug} ${item.number}`;
      const [current] = await db
        .select()
        .from(reasonedResponses)
        .where(
          and(
            eq(reasonedResponses.subjectType, subject),
            eq(reasonedResponses.subjectId, item.id),
            isNull(reasonedResponses.withdrawnAt),
          ),
        )
        .orderBy(desc(reasonedResponses.decidedAt), desc(reasonedResponses.createdAt))
        .limit(1);
      expect(current, label).toBeDefined();
      expect(current!.outcome, label).toBe(item.status);
      expect(current!.explanation.trim().length, label).toBeGreaterThanOrEqual(20);
      const row = dataset.data.find((r) => r.ejercicio === item.slug && r.tipo === subject && r.numero === item.number);
      expect(row, label).toBeDefined();
      expect(row!.explicacion, label).toBe(current!.explanation);
      expect(row!.resultado, label).toBe(item.status);
      const escaped = current!.explanation
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
      expect(await pageOf(item.slug), label).toContain(escaped);
    };
    for (const problem of finalProblems) await check('problem', problem);
    for (const proposal of finalProposals) await check('proposal', proposal);
  }, 120_000);
});
