import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';

describe('search can be found', () => {
  it('every page has a search field in its header, and the plan page one beside its commitments', async () => {
    const { app } = await createTestApp();
    for (const url of ['/', '/ejercicios', '/privacidad', '/datos', '/ejercicios/tercer-pal-2020-2021/plan']) {
      const page = await app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toMatch(/<form[^>]*action="\/buscar"[^>]*role="search" aria-label="Buscar en los planes"/);
      expect(page.body, url).toContain('<label for="site-search-q" class="visually-hidden">');
    }
    const plan = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan' });
    expect(plan.body).toContain('for="plan-search-q">Buscar en los compromisos, hitos y actividades de los planes');
    const english = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan?lang=en' });
    expect(english.body).toContain('aria-label="Search the plans"');
    expect(english.body).toContain('Search the commitments, milestones and activities of the plans');
    // The field leads to the search page, without JavaScript: a plain GET with q.
    const results = await app.inject({ url: '/buscar?q=senalizacion' });
    expect(results.statusCode).toBe(200);
  });
});
