import { Breadcrumbs, PageHeading, Table } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { Dataset, DatasetField, Deprecation } from '../../../kernel/dataset.js';
import { deprecationNote, deprecationOf, LICENCE, sentence } from '../metadata.js';

interface Props {
  datasets: readonly Dataset[];
  deprecations: readonly Deprecation[];
  zipName: string;
}

/** A dataset or field that its module announced it will withdraw: when, why, and what to use instead. */
function DeprecationNotice(props: { deprecation: Deprecation | undefined }) {
  const { locale } = usePage();
  if (!props.deprecation) return null;
  return <strong class="badge">{deprecationNote(props.deprecation, locale)}</strong>;
}

function BulkDownloads(props: { zipName: string }) {
  const { t } = usePage();
  return (
    <section class="panel" aria-labelledby="bulk-downloads">
      <h2 id="bulk-downloads">{t('openData.bulk.title')}</h2>
      <ul>
        <li>
          <a href={`/datos/${props.zipName}`} download>
            {t('openData.bulk.zip')}
          </a>
        </li>
        <li>
          <a href="/datos/datapackage.json">{t('openData.bulk.datapackage')}</a>
        </li>
        <li>
          <a href="/datos/data.json">{t('openData.bulk.dcat')}</a>
        </li>
      </ul>
    </section>
  );
}

/** Whatever a module withdrew after announcing it: it stays listed here, as the open-data guide asks. */
function Retired(props: { datasets: readonly Dataset[]; deprecations: readonly Deprecation[] }) {
  const { t, locale } = usePage();
  const ids = new Set(props.datasets.map((dataset) => dataset.id));
  const gone = props.deprecations.filter(
    (deprecation) => deprecation.subject.startsWith('dataset:') && !ids.has(deprecation.subject.slice(8)),
  );
  if (gone.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="retired-datasets">
      <h2 id="retired-datasets">{t('openData.retired.title')}</h2>
      <ul>
        {gone.map((deprecation) => (
          <li key={deprecation.subject}>
            <code>{deprecation.subject.slice(8)}</code>: {deprecationNote(deprecation, locale)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OpenDataPage(props: Props) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('openData.title') }]} />
      <PageHeading title={t('openData.title')} lead={t('openData.intro')} />
      <p>
        {t('openData.licence')} <a href={LICENCE.path}>{LICENCE.title}</a>
      </p>
      <p>
        {t('openData.api')} <a href="/api">{t('openData.apiLink')}</a>
      </p>
      <BulkDownloads zipName={props.zipName} />
      {props.datasets.map((dataset) => {
        const name = t(dataset.title);
        return (
          <section class="panel" aria-labelledby={`dataset-${dataset.id}`} id={dataset.id} key={dataset.id}>
            <h2 id={`dataset-${dataset.id}`}>{name}</h2>
            <DeprecationNotice deprecation={deprecationOf(props.deprecations, `dataset:${dataset.id}`)} />
            <p>{t(dataset.description)}</p>
            <p class="hint">
              {t('openData.source')}: {t(dataset.source)}
            </p>
            <ul class="inline-list">
              {(['csv', 'json'] as const).map((format) => (
                <li key={format}>
                  <a href={`/datos/${dataset.id}.${format}`} download>
                    {t('openData.download', { name, format: format.toUpperCase() })}
                  </a>
                </li>
              ))}
              {(['csv', 'json'] as const).map((format) => (
                <li key={`dictionary-${format}`}>
                  <a href={`/datos/${dataset.id}/diccionario.${format}`} download>
                    {t('openData.dictionaryDownload', { name, format: format.toUpperCase() })}
                  </a>
                </li>
              ))}
            </ul>
            <Table<DatasetField>
              caption={t('openData.dictionary', { name })}
              rowKey={(field) => field.name}
              rows={[...dataset.fields]}
              columns={[
                { header: t('openData.fieldName'), cell: (field) => <code>{field.name}</code> },
                { header: t('openData.fieldType'), cell: (field) => field.type },
                {
                  header: t('openData.description'),
                  cell: (field) => (
                    <>
                      {field.separator
                        ? `${sentence(t(field.description))} ${t('openData.dictionary.separator', { separator: field.separator })}`
                        : t(field.description)}{' '}
                      <DeprecationNotice
                        deprecation={deprecationOf(props.deprecations, `field:${dataset.id}/${field.name}`)}
                      />
                    </>
                  ),
                },
              ]}
            />
          </section>
        );
      })}
      <Retired datasets={props.datasets} deprecations={props.deprecations} />
    </>
  );
}
