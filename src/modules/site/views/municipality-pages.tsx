import { Breadcrumbs, PageHeading, Table } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { MunicipalityMap } from '../../directory/views/municipality-map.js';
import type { MunicipalityCommitment, MunicipalityFigure } from '../../plan/core/list-municipality-commitments.js';
import { CommitmentStatusBadge, Percent } from '../../plan/core/views/plan-badges.js';

interface Municipality {
  cvegeo: string;
  name: string;
  population: number;
}

export const municipalityPath = (cvegeo: string) => `/municipios/${cvegeo}`;

/** /municipios: every municipality on a map shaded by its commitments' progress, and the same in a table. */
export function MunicipalitiesPage(props: { municipalities: Municipality[]; figures: MunicipalityFigure[] }) {
  const { t, format } = usePage();
  const byCode = new Map(props.figures.map((figure) => [figure.cvegeo, figure]));
  const percent = (value: number) => format.percent(Math.round(value));
  // A municipality with commitments is never shaded as "none", even at 0 %.
  const values = Object.fromEntries(
    props.figures.map((figure) => [figure.cvegeo, Math.max(1, Math.round(figure.progress ?? 0))]),
  );
  const nameOf = new Map(props.municipalities.map((m) => [m.name, m.cvegeo]));
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('site.municipalities.title') }]} />
      <PageHeading title={t('site.municipalities.title')} lead={t('site.municipalities.lead')} />
      <div class="figures-municipalities">
        <MunicipalityMap
          id="municipalities-map"
          title={t('site.municipalities.mapTitle')}
          description={t('site.municipalities.mapDescription')}
          values={values}
          legendLabel={t('site.municipalities.legend')}
          zeroText={t('site.municipalities.none')}
          rangeText={(from, to) => t('site.municipalities.range', { from, to })}
          valueText={(name) => {
            const figure = byCode.get(nameOf.get(name) ?? '');
            return figure
              ? t('site.municipalities.value', {
                  name,
                  count: format.number(figure.commitments),
                  progress: percent(figure.progress ?? 0),
                })
              : t('site.municipalities.valueNone', { name });
          }}
          hrefFor={municipalityPath}
        />
        <Table<Municipality>
          caption={t('site.municipalities.caption')}
          rowKey={(m) => m.cvegeo}
          rows={props.municipalities}
          columns={[
            {
              header: t('site.municipalities.municipality'),
              cell: (m) => <a href={municipalityPath(m.cvegeo)}>{m.name}</a>,
            },
            {
              header: t('site.municipalities.commitments'),
              cell: (m) => format.number(byCode.get(m.cvegeo)?.commitments ?? 0),
              isNumeric: true,
            },
            {
              header: t('site.municipalities.progress'),
              cell: (m) => {
                const figure = byCode.get(m.cvegeo);
                return figure ? percent(figure.progress ?? 0) : '—';
              },
              isNumeric: true,
            },
          ]}
        />
      </div>
    </>
  );
}

/** /municipios/:cvegeo: the public commitments that name a municipality, by plan, with their progress. */
export function MunicipalityPage(props: { municipality: Municipality; commitments: MunicipalityCommitment[] }) {
  const { t, format } = usePage();
  const { municipality, commitments } = props;
  const live = commitments.filter((c) => c.status !== 'cancelled');
  const mean = live.length ? live.reduce((sum, c) => sum + c.progress, 0) / live.length : 0;
  const plans = [...new Set(commitments.map((c) => c.exerciseSlug))];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/municipios', label: t('site.municipalities.title') },
          { label: municipality.name },
        ]}
      />
      <PageHeading
        title={municipality.name}
        lead={t('site.municipality.lead', { population: format.number(municipality.population) })}
      />
      {commitments.length ? (
        <p class="figures-total">
          {commitments.length === 1
            ? t('site.municipality.summaryOne', { progress: format.percent(Math.round(mean)) })
            : t('site.municipality.summary', {
                count: format.number(commitments.length),
                progress: format.percent(Math.round(mean)),
              })}
        </p>
      ) : (
        <p class="hint">{t('site.municipality.empty')}</p>
      )}
      {plans.map((slug) => {
        const rows = commitments.filter((c) => c.exerciseSlug === slug);
        const first = rows[0]!;
        return (
          <section key={slug} aria-labelledby={`plan-${slug}`}>
            <h2 id={`plan-${slug}`}>
              <a href={`/ejercicios/${slug}/plan`}>{first.planTitle}</a>
            </h2>
            <Table<MunicipalityCommitment>
              caption={t('site.municipality.caption', { plan: first.planTitle, name: municipality.name })}
              rowKey={(c) => c.id}
              rows={rows}
              columns={[
                {
                  header: t('site.municipality.commitment'),
                  cell: (c) => (
                    <a href={`/ejercicios/${slug}/plan/compromisos/${c.number}`}>{`${c.number}. ${c.title}`}</a>
                  ),
                },
                { header: t('site.municipality.lead2'), cell: (c) => c.lead },
                { header: t('site.municipality.status'), cell: (c) => <CommitmentStatusBadge status={c.status} /> },
                {
                  header: t('site.municipality.progress'),
                  cell: (c) => <Percent value={c.progress} />,
                  isNumeric: true,
                },
              ]}
            />
          </section>
        );
      })}
      <p>
        <a href="/municipios">{t('site.municipality.all')}</a>
      </p>
    </>
  );
}
