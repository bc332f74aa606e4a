import { Breadcrumbs, PageHeading, Table } from '../../../web/components/index.js';
import { MunicipalityMap } from '../../directory/views/municipality-map.js';
import { usePage } from '../../../web/page-context.js';
import type { PublicCall } from '../../calls/get-exercise-call.js';
import { CallWindowNote } from '../../calls/views/call-window-note.js';
import type { RegistrationFigures } from '../count-registrations.js';
import type { Sector } from '../schema.js';

export interface FiguresPageProps {
  exercise: { title: string; slug: string };
  call: Pick<PublicCall, 'title' | 'status' | 'opensAt' | 'closesAt'>;
  figures: RegistrationFigures;
  /** When the figures were counted. */
  countedAt: Date;
}

/** A share of the total as a figure with one decimal at most, e.g. "41.7 %" ("41.7%" in English); nothing to share of zero. */
const share = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 1000) / 10);

/** A horizontal bar for a table row: decoration only (the figures are in the same row), drawn without inline style. */
function ShareBar(props: { value: number }) {
  return (
    <svg class="figures-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect class="figures-bar__track" width="100" height="10" />
      {props.value > 0 ? <rect class="figures-bar__value" width={Math.max(0.5, props.value)} height="10" /> : null}
    </svg>
  );
}

/** The public figures of a call: totals by sector and by municipality (map and table), never a person's data. */
export function FiguresPage(props: FiguresPageProps) {
  const { t, format, locale } = usePage();
  const { figures } = props;
  const callHref = `/ejercicios/${props.exercise.slug}/convocatoria`;
  const people = (count: number) =>
    t(count === 1 ? 'figures.people.one' : 'figures.people.other', { count: format.number(count) });
  const sectorLabel = (sector: Sector) => t(`figures.sector.${sector}`);
  // Spanish keeps the share and its sign together on one line; English writes them as one word.
  const percent = (value: number) => (locale === 'en' ? format.percent(value) : `${format.number(value)}\u00a0%`);
  const reached = figures.byMunicipality.filter((row) => row.count > 0).length;
  // The message without parameters keeps its "{date}" placeholder: the date goes in a <time> element in its place.
  const [asOfBefore = '', asOfAfter = ''] = t('figures.asOf').split('{date}');
  const values = Object.fromEntries(figures.byMunicipality.map((row) => [row.cvegeo, row.count]));
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${props.exercise.slug}`, label: props.exercise.title },
          { href: callHref, label: t('nav.call') },
          { label: t('figures.crumb') },
        ]}
      />
      <PageHeading title={t('figures.title')} lead={t('figures.lead', { call: props.call.title })}>
        <CallWindowNote call={props.call} now={props.countedAt} />
      </PageHeading>

      <div class="panel panel--highlight figures-total">
        <p class="figures-total__figure">
          <strong class="figures-total__number">{format.number(figures.total)}</strong>{' '}
          <span class="figures-total__label">
            {t(figures.total === 1 ? 'figures.total.one' : 'figures.total.other')}
          </span>
        </p>
        <p class="figures-total__as-of">
          {asOfBefore}
          <time dateTime={props.countedAt.toISOString()}>{format.dateTime(props.countedAt)}</time>
          {asOfAfter}
        </p>
        {figures.total === 0 ? <p>{t('figures.none')}</p> : null}
      </div>

      <section aria-labelledby="figures-about">
        <h2 id="figures-about">{t('figures.aboutTitle')}</h2>
        <p>{t('figures.about.counted')}</p>
        <p>{t('figures.about.private')}</p>
      </section>

      <section aria-labelledby="figures-by-sector">
        <h2 id="figures-by-sector">{t('figures.bySector.title')}</h2>
        <div class="figures-sectors">
          <Table
            caption={t('figures.bySector.caption')}
            rowKey={(row) => row.sector}
            rows={figures.bySector}
            columns={[
              {
                header: t('figures.bySector.sector'),
                cell: (row) => (
                  <>
                    <span class="figures-sectors__label">{sectorLabel(row.sector)}</span>
                    <ShareBar value={share(row.count, figures.total)} />
                  </>
                ),
              },
              { header: t('figures.bySector.count'), cell: (row) => format.number(row.count), isNumeric: true },
              {
                header: t('figures.bySector.share'),
                cell: (row) => percent(share(row.count, figures.total)),
                isNumeric: true,
              },
            ]}
          />
        </div>
      </section>

      <section aria-labelledby="figures-by-municipality">
        <h2 id="figures-by-municipality">{t('figures.byMunicipality.title')}</h2>
        {reached > 0 ? (
          <p>
            {t('figures.byMunicipality.summary', {
              count: format.number(reached),
              total: format.number(figures.byMunicipality.length),
            })}
          </p>
        ) : null}
        <div class="figures-municipalities">
          <MunicipalityMap
            id="figures-map"
            title={t('figures.map.title')}
            description={t('figures.map.description')}
            values={values}
            legendLabel={t('figures.map.legend')}
            valueText={(name, value) => `${name}: ${people(value)}`}
            rangeText={(from, to) =>
              from === to
                ? format.number(from)
                : t('figures.map.range', { from: format.number(from), to: format.number(to) })
            }
            zeroText={t('figures.map.zero')}
            sourceText={(source) => t('figures.map.source', { source })}
          />
          <Table
            caption={t('figures.byMunicipality.caption')}
            rowKey={(row) => row.cvegeo}
            rows={figures.byMunicipality}
            columns={[
              { header: t('figures.byMunicipality.municipality'), cell: (row) => row.name },
              { header: t('figures.byMunicipality.count'), cell: (row) => format.number(row.count), isNumeric: true },
            ]}
          />
        </div>
      </section>

      <p class="actions">
        <a href={callHref}>{t('figures.readCall')}</a>
      </p>
    </>
  );
}
