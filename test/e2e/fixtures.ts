import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Every public page a visitor can reach in the foundation, by path. */
export const publicPages = [
  '/',
  '/ejercicios',
  '/ejercicios/cuarto-pal-demostracion',
  '/ejercicios/cuarto-pal-demostracion/convocatoria',
  '/ejercicios/tercer-pal-2020-2021',
  '/ejercicios/tercer-pal-2020-2021/convocatoria',
  '/ejercicios/segundo-pal-2017-2019',
  '/ejercicios/tercer-pal-2020-2021/plan',
  '/ejercicios/tercer-pal-2020-2021/plan/compromisos/1',
  '/ejercicios/tercer-pal-2020-2021/plan/calendario',
  '/ejercicios/tercer-pal-2020-2021/plan/atrasos',
  '/ejercicios/tercer-pal-2020-2021/plan/atrasos?tipo=actividades',
  '/ejercicios/segundo-pal-2017-2019/plan',
  '/ejercicios/segundo-pal-2017-2019/plan/compromisos/1',
  '/privacidad',
  '/contacto',
  '/codigo-fuente',
  '/datos',
  '/componentes',
  '/ejercicios/cuarto-pal-demostracion/convocatoria/sumate',
  '/ejercicios/cuarto-pal-demostracion/convocatoria/cifras',
  '/ejercicios/cuarto-pal-demostracion/convocatoria/sumate/enviada',
  '/sumate/reenviar',
  '/sumate/reenviar/enviado',
  '/entrar',
  '/registro',
  '/recuperar',
  '/ejercicios/tercer-pal-2020-2021/secretariado',
  '/ejercicios/tercer-pal-2020-2021/secretariado/sesiones/ordinaria-4',
  '/ejercicios/tercer-pal-2020-2021/secretariado/acuerdos',
  '/ejercicios/tercer-pal-2020-2021/secretariado/acuerdos/STL-2021-ORD-04-01',
  '/buscar',
  '/ejercicios/tercer-pal-2020-2021/plan/imprimir',
  '/esta-pagina-no-existe',
];

/** Runs axe with the WCAG 2.1 A and AA rules and fails with the list of violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Pages come from a fresh browser context (as ENGINEERING.md asks), closed after each test. */
export const test = base.extend<{ page: Page }>({
  page: async ({ browser }, use) => {
    const context = await browser.newContext({ locale: 'es-MX' });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

export { expect };
