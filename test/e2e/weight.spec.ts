import { expect, expectNoAxeViolations, publicPages, test } from './fixtures.js';

// A first visit on a phone: what the browser downloads for the page (HTML, style sheet, script, icons, as sent,
// compressed) and how much the page moves while it loads (cumulative layout shift).
const BUDGET_BYTES = 25 * 1024;
const MAX_CLS = 0.05;

test('every public page: a first visit downloads at most 25 KB and moves less than 0.05 CLS', async ({ browser }) => {
  test.setTimeout(180_000);
  const figures: string[] = [];
  for (const path of publicPages) {
    const context = await browser.newContext({
      locale: 'es-MX',
      viewport: { width: 390, height: 844 },
      extraHTTPHeaders: { 'accept-encoding': 'gzip, deflate, br' },
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
          if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) => sizes.push(request.sizes().then((s) => s.responseBodySize)));
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    figures.push(`${path}: ${bytes} B, CLS ${cls.toFixed(3)}`);
    expect(bytes, `${path} first visit`).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(cls, `${path} layout shift`).toBeLessThan(MAX_CLS);
    if (path === publicPages[0]) await expectNoAxeViolations(page);
    await context.close();
  }
  console.log(figures.join('\n'));
});
