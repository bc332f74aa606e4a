import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';

const headerOf = (html: string) => /<header class="site-header">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';

describe('the header shows the exercise you are looking at', () => {
  it('follows the page’s exercise, and the demonstration notice shows only on the demonstration’s own pages', async () => {
    const { app } = await createTestApp();
    const third = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan' });
    expect(headerOf(third.body)).toContain('href="/ejercicios/tercer-pal-2020-2021"');
    expect(headerOf(third.body)).not.toContain('demostración');
    expect(third.body).not.toContain('Ejercicio de demostración: sus datos son ilustrativos');
    expect(headerOf(third.body)).toContain('href="/ejercicios/tercer-pal-2020-2021/convocatoria"');

    const printed = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan/imprimir' });
    expect(printed.body).not.toContain('Ejercicio de demostración: sus datos son ilustrativos');

    const demo = await app.inject({ url: '/ejercicios/cuarto-pal-demostracion/convocatoria' });
    expect(headerOf(demo.body)).toContain('href="/ejercicios/cuarto-pal-demostracion"');
    expect(demo.body).toContain('Ejercicio de demostración: sus datos son ilustrativos');

    // Pages outside any exercise show the current one, without the notice (the home page features it, with it).
    const privacy = await app.inject({ url: '/privacidad' });
    expect(headerOf(privacy.body)).toContain('href="/ejercicios/cuarto-pal-demostracion"');
    expect(privacy.body).not.toContain('Ejercicio de demostración: sus datos son ilustrativos');
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain('Ejercicio de demostración: sus datos son ilustrativos');

    // An unknown exercise's URL falls back to the current one (and answers 404).
    const unknown = await app.inject({ url: '/ejercicios/no-existe' });
    expect(unknown.statusCode).toBe(404);
    expect(headerOf(unknown.body)).toContain('href="/ejercicios/cuarto-pal-demostracion"');
  });
});
