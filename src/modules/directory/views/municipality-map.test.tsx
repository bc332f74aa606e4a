import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { formatters, translator, type Locale } from '../../../web/i18n/i18n.js';
import { PageContextProvider, type PageContext } from '../../../web/page-context.js';
import {
  defaultMunicipalityMap,
  mapSteps,
  MunicipalityMap,
  stepOf,
  type MunicipalityMapProps,
} from './municipality-map.js';

const render = (props: Partial<MunicipalityMapProps> = {}, locale: Locale = 'es-MX') => {
  const context: PageContext = {
    locale,
    t: translator(locale),
    format: formatters(locale, 'America/Monterrey'),
    path: '/',
    siteName: 'Cocrea',
    requestId: 'test',
    assets: { css: '', js: '' },
    csrfToken: 'test',
  };
  return renderToString(
    <PageContextProvider.Provider value={context}>
      <MunicipalityMap
        id="m"
        title="Personas inscritas por municipio"
        description="Más oscuro, más personas."
        values={{}}
        legendLabel="Personas inscritas"
        {...props}
      />
    </PageContextProvider.Provider>,
  );
};

const pathOf = (html: string, cvegeo: string) =>
  new RegExp(`<path class="([^"]+)" d="[^"]+" data-cvegeo="${cvegeo}"><title>([^<]*)</title></path>`).exec(html);

describe('the palette steps of the map', () => {
  it('splits 1..max into up to four rounded ranges after "none", the highest always the darkest', () => {
    expect(mapSteps([])).toEqual([{ step: 0, from: 0, to: 0 }]);
    expect(mapSteps([0, 0])).toEqual([{ step: 0, from: 0, to: 0 }]);
    expect(mapSteps([1])).toEqual([
      { step: 0, from: 0, to: 0 },
      { step: 4, from: 1, to: 1 },
    ]);
    expect(mapSteps([0, 2]).map((s) => [s.step, s.from, s.to])).toEqual([
      [0, 0, 0],
      [2, 1, 1],
      [4, 2, 2],
    ]);
    expect(mapSteps([3, 1]).map((s) => [s.step, s.from, s.to])).toEqual([
      [0, 0, 0],
      [2, 1, 1],
      [3, 2, 2],
      [4, 3, 3],
    ]);
    expect(mapSteps([20, 4]).map((s) => [s.step, s.from, s.to])).toEqual([
      [0, 0, 0],
      [1, 1, 5],
      [2, 6, 10],
      [3, 11, 15],
      [4, 16, 20],
    ]);
    const steps = mapSteps([0, 7, 130]);
    expect(steps.map((s) => s.to)).toEqual([0, 33, 65, 98, 130]);
    expect([0, 1, 33, 34, 98, 99, 130].map((v) => stepOf(steps, v))).toEqual([0, 1, 1, 2, 3, 4, 4]);
  });
});

describe('the municipality map', () => {
  it('is one labelled SVG image with a path and a tooltip per municipality, 0 included', () => {
    const html = render({
      values: { '10005': 12, '10007': 3 },
      valueText: (name, value) => `${name}: ${value} personas`,
    });
    expect(html).toMatch(
      /<svg class="municipality-map__svg" viewBox="0 0 1000 \d+" xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" aria-labelledby="m-title" aria-describedby="m-desc"/,
    );
    expect(html).toContain('<title id="m-title">Personas inscritas por municipio</title>');
    expect(html).toContain('<desc id="m-desc">Más oscuro, más personas.</desc>');
    expect(html.match(/<path /g)).toHaveLength(39);
    for (const m of defaultMunicipalityMap.municipalities) expect(pathOf(html, m.cvegeo), m.name).not.toBeNull();
    expect(pathOf(html, '10005')!.slice(1)).toEqual(['municipality-map__area map-step-4', 'Durango: 12 personas']);
    expect(pathOf(html, '10007')!.slice(1)).toEqual(['municipality-map__area map-step-1', 'Gómez Palacio: 3 personas']);
    expect(pathOf(html, '10001')!.slice(1)).toEqual(['municipality-map__area map-step-0', 'Canatlán: 0 personas']);
  });

  it('has a legend in words, not only colours, and cites the source of the boundaries', () => {
    const html = render({
      values: { '10005': 20 },
      rangeText: (from, to) => `${from} a ${to}`,
      zeroText: 'Ninguna',
      sourceText: (source) => `Límites: ${source}.`,
    });
    expect(html).toContain('<p class="municipality-map__legend-title">Personas inscritas</p>');
    const legend = [
      ...html.matchAll(
        /<li><svg class="municipality-map__swatch"[^>]*><rect class="(map-step-\d)"[^>]*><\/rect><\/svg>([^<]+)<\/li>/g,
      ),
    ].map((m) => [m[1], m[2]]);
    expect(legend).toEqual([
      ['map-step-0', 'Ninguna'],
      ['map-step-1', '1 a 5'],
      ['map-step-2', '6 a 10'],
      ['map-step-3', '11 a 15'],
      ['map-step-4', '16 a 20'],
    ]);
    expect(html).toContain('Límites: INEGI. Marco Geoestadístico 2024.');
    // Defaults: numbers in the page's language and an en dash.
    expect(render({ values: { '10005': 2000 } }, 'en')).toContain('1,501–2,000</li>');
  });

  it('uses no inline style (the CSP forbids it) and stays small', () => {
    const html = render({ values: { '10005': 12 } });
    expect(html).not.toMatch(/\sstyle=/);
    expect(html.length).toBeLessThan(50 * 1024);
  });

  it('makes each municipality a link when asked, and is then a group of links rather than an image', () => {
    const html = render({ values: { '10005': 1 }, hrefFor: (cvegeo) => `/municipios/${cvegeo}` });
    expect(html).toContain('role="group"');
    expect(html).toContain('<a href="/municipios/10005" aria-label="Durango: 1">');
    expect(html.match(/<a /g)).toHaveLength(39);
  });
});
