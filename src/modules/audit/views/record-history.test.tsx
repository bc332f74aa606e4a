import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { formatters, translator, type Locale } from '../../../web/i18n/i18n.js';
import { PageContextProvider, type PageContext } from '../../../web/page-context.js';
import type { HistoryEntry } from '../list-record-history.js';
import { RecordHistory } from './record-history.js';
import { registry } from '../../../registry.js';

const render = (props: { entries: HistoryEntry[]; hasMore?: boolean }, locale: Locale = 'es-MX') => {
  const context: PageContext = {
    locale,
    t: translator(locale),
    format: formatters(locale, 'America/Monterrey'),
    path: '/',
    siteName: 'Cocrea',
    requestId: 'test',
    assets: { css: '', js: '' },
    csrfToken: 'test',
    valueLabel: registry.records.valueLabel,
  };
  return renderToString(
    <PageContextProvider.Provider value={context}>
      <RecordHistory {...props} />
    </PageContextProvider.Provider>,
  );
};

const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  seq: 7,
  occurredAt: new Date('2026-11-24T16:30:00Z'),
  actorId: null,
  actorLabel: 'Sistema',
  action: 'update',
  hash: 'ab'.repeat(32),
  changes: [],
  ...overrides,
});

describe('the change history of a record', () => {
  it('names the fields a redaction removed from an entry', () => {
    const html = render({
      entries: [
        entry({
          action: 'create',
          changes: [{ field: 'status', before: null, after: 'proposed' }],
          redacted: ['description', 'title'],
        }),
      ],
    });
    expect(html).toContain('(su huella sigue en la cadena): Descripción, Título</p>');
    expect(render({ entries: [entry({ redacted: ['title'] })] }, 'en')).toContain('Data removed from this change');
  });

  it('says when nothing has been recorded yet, and still explains that the history is verifiable', () => {
    const html = render({ entries: [] });
    expect(html).toContain('Todavía no hay cambios registrados para este registro.');
    expect(html).toContain('Este historial es verificable');
    expect(render({ entries: [] }, 'en')).toContain('No changes have been recorded for this record yet.');
  });

  it('shows a deletion with the previous values, shortens long texts and names unknown fields as they are stored', () => {
    const html = render({
      entries: [
        entry({
          action: 'delete',
          actorId: 'x',
          actorLabel: 'Enlace del Ayuntamiento de Tepehuanes',
          changes: [
            { field: 'body', before: 'a'.repeat(400), after: null },
            { field: 'legacyCode', before: 'L-12', after: null },
            { field: 'isGovernment', before: true, after: null },
          ],
        }),
      ],
      hasMore: true,
    });
    expect(html).toContain('Eliminación: <time');
    expect(html).toContain('<dd>Enlace del Ayuntamiento de Tepehuanes</dd>');
    expect(html).toContain('<th scope="col">Valor anterior</th>');
    expect(html).not.toContain('<th scope="col">Después</th>');
    expect(html).toContain(`${'a'.repeat(300)}… <span class="hint">(texto abreviado)</span>`);
    expect(html).toContain('<td><code>legacyCode</code></td><td>L-12</td>');
    expect(html).toContain('<td>Institución de gobierno</td><td>Sí</td>');
    expect(html).toContain('cambios más recientes');
    expect(html).toContain('n.º 7, huella SHA-256 que empieza por <code>abababababab</code>');
  });

  it('names the record an entry belongs to, and its statuses and technical fields in words, in both languages', () => {
    const activity = entry({
      recordType: 'activity',
      recordTitle: 'Talleres en seis escuelas primarias',
      changes: [
        { field: 'status', before: 'done', after: 'verified' },
        { field: 'milestoneId', before: null, after: '39518dfe-8b40-4abe-a107-6229d0a1ed90' },
        { field: 'position', before: 1, after: 2 },
      ],
    });
    const html = render({ entries: [activity] });
    expect(html).toContain('<dt>Registro</dt><dd>Actividad «Talleres en seis escuelas primarias»</dd>');
    expect(html).toContain('<td>Estado</td><td>Terminada, por verificar</td><td>Verificada</td>');
    expect(html).toContain('<td>Hito (identificador)</td>');
    expect(html).toContain('<td>Orden</td><td>1</td><td>2</td>');
    expect(html).not.toContain('<code>milestoneId</code>');
    const english = render({ entries: [activity] }, 'en');
    expect(english).toContain('<dd>Activity “Talleres en seis escuelas primarias”</dd>');
    expect(english).toContain('<td>Status</td><td>Done, to be verified</td><td>Verified</td>');
    // A commitment's status has its own words; an unknown status stays as stored.
    const commitment = render({
      entries: [
        entry({
          recordType: 'commitment',
          changes: [{ field: 'status', before: 'approved', after: 'in_implementation' }],
        }),
      ],
    });
    expect(commitment).toContain('<td>Estado</td><td>Aprobado</td><td>En implementación</td>');
    expect(
      render({
        entries: [
          entry({ recordType: 'commitment', changes: [{ field: 'status', before: null, after: 'rare_state' }] }),
        ],
      }),
    ).toContain('rare_state');
  });

  it('says so when an entry changed no public field', () => {
    expect(render({ entries: [entry({})] })).toContain('Esta entrada no cambió ningún campo público.');
  });
});
