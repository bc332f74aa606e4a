import { describe, expect, it } from 'vitest';
import { seedSyntheticPlan, type SyntheticPlanSize } from '../../../demo/synthetic-plan.js';
import { TEST_NOW } from '../../../testing/constants.js';
import { countQueries } from '../../../testing/count-queries.js';
import { createTestApp } from '../../../testing/test-app.js';

const today = TEST_NOW.toISOString().slice(0, 10);

/**
 * How many SQL statements each page runs to render on a plan of the given size (pages fetched once before, to warm
 * up). The render cache is off: with it, the counted request would be a hit and run none.
 */
async function statementsPerPage(size: SyntheticPlanSize, paths: string[]) {
  const { app, database } = await createTestApp({ env: { RENDER_CACHE_SECONDS: '0' } });
  await seedSyntheticPlan(database.db, { slug: 'plan-medido', size, today });
  const counts: Record<string, number> = {};
  for (const path of paths) {
    await app.inject({ url: path });
    const { result, count } = await countQueries(database, () => app.inject({ url: path }));
    expect(result.statusCode, path).toBe(200);
    counts[path] = count;
  }
  return counts;
}

describe('no N+1 queries on the public plan pages', () => {
  it('runs the same number of statements with 2 commitments and with 20 (with milestones and activities)', async () => {
    const paths = [
      '/ejercicios/plan-medido/plan',
      '/ejercicios/plan-medido/plan/compromisos/2',
      '/ejercicios/plan-medido/plan/imprimir',
      '/ejercicios/plan-medido/plan/novedades.atom',
      '/buscar?q=compromiso',
      '/datos/compromisos.json',
    ];
    const small = await statementsPerPage(
      { commitments: 2, milestonesPerCommitment: 3, activitiesPerMilestone: 2 },
      paths,
    );
    const large = await statementsPerPage(
      { commitments: 20, milestonesPerCommitment: 3, activitiesPerMilestone: 2 },
      paths,
    );
    expect(large).toEqual(small);
    for (const path of paths) {
      expect(small[path], path).toBeGreaterThan(0);
      // A small fixed budget per page (the commitment page also loads its comments and the follow button's target).
      expect(small[path], path).toBeLessThanOrEqual(14);
    }
  });
});
