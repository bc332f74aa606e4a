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

describe('search covers the diagnosis and co-creation', () => {
  it('finds problems and proposals, accents and case ignored, never the text of a hidden one', async () => {
    const { app } = await createTestApp();
    const page = await app.inject({ url: '/buscar?q=separacion+residuos' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('En el diagnóstico y la co-creación encontramos');
    expect(page.body).toMatch(
      /Problemas públicos[\s\S]*href="\/ejercicios\/tercer-pal-2020-2021\/problemas\/7"[\s\S]*Propuestas de solución[\s\S]*href="\/ejercicios\/tercer-pal-2020-2021\/propuestas\/2"/,
    );
    // The plan's commitment 2 is found too, in its own group.
    expect(page.body).toContain('href="/ejercicios/tercer-pal-2020-2021/plan/compromisos/2"');
    // Problem 10 was hidden by the moderators: its words are not searchable.
    const hidden = await app.inject({ url: '/buscar?q=domicilio+persona+particular' });
    expect(hidden.body).not.toContain('/problemas/10');
    const english = await app.inject({ url: '/buscar?q=camaras&lang=en' });
    expect(english.body).toContain('We found 1 result for “camaras” in the diagnosis and co-creation.');
  });
});
