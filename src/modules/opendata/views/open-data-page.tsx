import { Breadcrumbs, PageHeading, Table } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { Dataset, DatasetField } from '../../../kernel/dataset.js';

export function OpenDataPage(props: { datasets: readonly Dataset[] }) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('openData.title') }]} />
      <PageHeading title={t('openData.title')} lead={t('openData.intro')} />
      <p>{t('openData.licence')}</p>
      <p>
        {t('openData.api')} <a href="/api">{t('openData.apiLink')}</a>
      </p>
      {props.datasets.map((dataset) => {
        const name = t(dataset.title);
        return (
          <section class="panel" aria-labelledby={`dataset-${dataset.id}`} key={dataset.id}>
            <h2 id={`dataset-${dataset.id}`}>{name}</h2>
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
            </ul>
            <Table<DatasetField>
              caption={t('openData.dictionary', { name })}
              rowKey={(field) => field.name}
              rows={[...dataset.fields]}
              columns={[
                { header: t('openData.fieldName'), cell: (field) => <code>{field.name}</code> },
                { header: t('openData.fieldType'), cell: (field) => field.type },
                { header: t('openData.description'), cell: (field) => t(field.description) },
              ]}
            />
          </section>
        );
      })}
    </>
  );
}
