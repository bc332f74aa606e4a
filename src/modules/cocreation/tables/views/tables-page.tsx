import { Breadcrumbs, ButtonLink, Notices, PageHeading } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { tablePath, tablesPath } from '../../paths.js';
import type { ExerciseRef } from '../../views/problems-page.js';
import type { TableListItem } from '../get-table.js';
import { TableFigures, TableStatusBadge } from './table-labels.js';

/** The co-creation tables of an exercise: when and where, their problems, places left. */
export function TablesPage(props: {
  exercise: ExerciseRef;
  tables: TableListItem[];
  canSchedule: boolean;
  notice?: string | undefined;
}) {
  const { t, format } = usePage();
  const { exercise } = props;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { label: t('cocreation.tables.title') },
        ]}
      />
      <PageHeading title={t('cocreation.tables.title')} lead={t('cocreation.tables.lead')} />
      <Notices notice={props.notice} />
      {props.canSchedule ? (
        <p class="actions">
          <ButtonLink href={`${tablesPath(exercise.slug)}/nueva`}>{t('cocreation.tables.schedule')}</ButtonLink>
        </p>
      ) : null}
      {props.tables.length === 0 ? (
        <p>{t('cocreation.tables.empty')}</p>
      ) : (
        <ol class="plain-list" aria-label={t('cocreation.tables.title')}>
          {props.tables.map((table) => (
            <li key={table.number}>
              <article class="card">
                <h2 class="card__title">
                  <a href={tablePath(exercise.slug, table.number)}>
                    {t('cocreation.table.heading', { number: table.number, title: table.title })}
                  </a>
                </h2>
                <div class="card__meta">
                  <TableStatusBadge status={table.status} />
                </div>
                <dl class="meta-list">
                  <dt>{t('cocreation.table.when')}</dt>
                  <dd>{format.dateTime(table.startsAt)}</dd>
                  <dt>{t('cocreation.table.where')}</dt>
                  <dd>{table.place ?? t('cocreation.table.online')}</dd>
                  <dt>{t('cocreation.table.problems')}</dt>
                  <dd>{table.problemNumbers}</dd>
                  <dt>{t('cocreation.table.places')}</dt>
                  <dd>
                    <TableFigures figures={table} capacity={table.capacity} />
                  </dd>
                </dl>
              </article>
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href="/datos">{t('cocreation.tables.openData')}</a>
      </p>
    </>
  );
}
