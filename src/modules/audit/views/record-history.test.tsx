import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { formatters, translator, type Locale } from '../../../web/i18n/i18n.js';
import { PageContextProvider, type PageContext } from '../../../web/page-context.js';
import type { HistoryEntry } from '../list-record-history.js';
import { presentHistory, type HistoryNames } from '../present-history.js';
import { RecordHistory } from './record-history.js';
import { registry } from '../../../registry.js';
import { withoutStackAttributes } from '../../../testing/html.js';

const render = (
  props: { entries: HistoryEntry[]; hasMore?: boolean; fullHref?: string; names?: HistoryNames },
  locale: Locale = 'es-MX',
) => {
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
  const entries = presentHistory(registry.records, props.entries, props.names ?? new Map());
  // The attributes that make the table's rows cards on a phone are left out of what the assertions read.
  return withoutStackAttributes(
    renderToString(
      <PageContextProvider.Provider value={context}>
        <RecordHistory entries={entries} hasMore={props.hasMore} fullHref={props.fullHref} compact={false} />
      </PageContextProvider.Provider>,
    ),
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
          recordType: 'problem',
          changes: [{ field: 'status', before: null, after: 'proposed' }],
          redacted: ['description', 'title'],
        }),
      ],
    });
    expect(html).toContain('(su huella sigue en la cadena): Descripción, Título</p>');
    expect(html).toContain('<td>Propuesto</td>');
    expect(render({ entries: [entry({ redacted: ['title'] })] }, 'en')).toContain('Data removed from this change');
  });

  it('says when nothing has been recorded yet, and still explains that the history is verifiable', () => {
    const html = render({ entries: [] });
    expect(html).toContain('Todavía no hay cambios registrados para este registro.');
    expect(html).toContain('Este historial es verificable');
    expect(render({ entries: [] }, 'en')).toContain('No changes have been recorded for this record yet.');
  });

  it('shows a deletion with the previous values, says a long text was deleted and links to it in full', () => {
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
      fullHref: '/ejercicios/x/historial',
    });
    expect(html).toContain('Eliminación: <time');
    expect(html).toContain('Quién: Enlace del Ayuntamiento de Tepehuanes');
    expect(html).toContain('<th scope="col">Valor anterior</th>');
    expect(html).not.toContain('<th scope="col">Después</th>');
    expect(html).not.toContain('aaaaaaaaaa');
    expect(html).toContain('Texto eliminado. <a href="/historial/7#campo-body">Leer completo');
    // A field no module named is "another field", never its code.
    expect(html).toContain('<th scope="row">Otro dato</th><td>L-12</td>');
    expect(html).not.toContain('legacyCode');
    expect(html).toContain('<th scope="row">Institución de gobierno</th><td>Sí</td>');
    expect(html).toContain('Se muestran los 1 cambios más recientes.');
    expect(html).toContain('<a href="/ejercicios/x/historial">Ver el historial completo</a>');
    // The fingerprint and the identifiers are on the technical view only.
    expect(html).not.toContain('abababababab');
    expect(html).toContain('<a href="/historial/7">Detalle del cambio');
  });

  it('names the record an entry belongs to, its statuses, and what it refers to, in both languages', () => {
    const institution = '0b7e5a52-6c1f-4f0e-9a3b-2d4c6e8f0a1b';
    const other = '1b7e5a52-6c1f-4f0e-9a3b-2d4c6e8f0a1b';
    const activity = entry({
      recordType: 'activity',
      recordTitle: 'Talleres en seis escuelas primarias',
      changes: [
        { field: 'status', before: 'done', after: 'verified' },
        { field: 'milestoneId', before: null, after: '39518dfe-8b40-4abe-a107-6229d0a1ed90' },
        { field: 'responsibleInstitutionId', before: institution, after: other },
        { field: 'position', before: 1, after: 2 },
      ],
    });
    const names = new Map([
      [`institution:${institution}`, 'Ayuntamiento de Durango'],
      ['milestone:39518dfe-8b40-4abe-a107-6229d0a1ed90', 'Talleres impartidos'],
    ]);
    const html = render({ entries: [activity], names });
    expect(html).toContain('Actividad «Talleres en seis escuelas primarias» · Modificación');
    expect(html).toContain('<th scope="row">Estado</th><td>Terminada, por verificar</td><td>Verificada</td>');
    expect(html).toContain(
      '<th scope="row">Hito</th><td><span class="hint">Sin valor</span></td><td>Talleres impartidos</td>',
    );
    // A record whose name is not known is never shown by its id.
    expect(html).toContain(
      '<td>Ayuntamiento de Durango</td><td>Un registro sin nombre público (ver los datos técnicos)</td>',
    );
    expect(html).not.toContain(other);
    expect(html).toContain('<th scope="row">Orden</th><td>1</td><td>2</td>');
    const english = render({ entries: [activity], names }, 'en');
    expect(english).toContain('Activity “Talleres en seis escuelas primarias” · Changed');
    expect(english).toContain('<th scope="row">Status</th><td>Done, to be verified</td><td>Verified</td>');
    // A commitment's status has its own words; an unknown status stays as stored.
    const commitment = render({
      entries: [
        entry({
          recordType: 'commitment',
          changes: [{ field: 'status', before: 'approved', after: 'in_implementation' }],
        }),
      ],
    });
    expect(commitment).toContain('<th scope="row">Estado</th><td>Aprobado</td><td>En implementación</td>');
  });

  it('shows votes, quorum rules, open-government values and progress in words and numbers', () => {
    const html = render({
      entries: [
        entry({
          recordType: 'agreement',
          changes: [
            { field: 'decisionMethod', before: 'consensus', after: 'vote' },
            { field: 'outcome', before: null, after: 'tied' },
          ],
        }),
        entry({
          seq: 8,
          recordType: 'secretariat',
          changes: [{ field: 'quorumRule', before: 'at_least_half', after: 'more_than_half' }],
        }),
        entry({
          seq: 9,
          recordType: 'design_assessment',
          changes: [{ field: 'potential', before: 'moderate', after: 'transformative' }],
        }),
        entry({
          seq: 10,
          recordType: 'progress_report',
          changes: [{ field: 'progressAtReport', before: 62.5, after: 81.25 }],
        }),
        entry({
          seq: 11,
          recordType: 'commitment',
          changes: [
            {
              field: 'ogpValues',
              before: null,
              after: { access_to_information: { relevant: true, justification: 'Publica datos.' } },
            },
          ],
        }),
      ],
    });
    expect(html).toContain('<td>Por consenso</td><td>Por votación</td>');
    expect(html).toContain('No aprobado: la votación quedó empatada.');
    expect(html).toContain(
      '<td>Al menos la mitad de los lugares con voto</td><td>Más de la mitad de los lugares con voto</td>',
    );
    expect(html).toContain('<td>Moderado</td><td>Transformador</td>');
    expect(html).toContain('<td>63 %</td><td>81 %</td>');
    expect(html).toContain(
      '<li>Acceso a la información: <ul class="history-list"><li>¿Aplica?: Sí</li><li>Justificación: Publica datos.</li></ul></li>',
    );
    for (const raw of [
      'consensus',
      'tied',
      'more_than_half',
      'transformative',
      'access_to_information',
      'relevant',
      '81.25',
    ])
      expect(html).not.toContain(raw);
  });

  it('says so when an entry changed no public field', () => {
    expect(render({ entries: [entry({})] })).toContain('Esta entrada no cambió ningún campo público.');
  });
});
