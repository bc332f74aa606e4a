import { Breadcrumbs, Button, CsrfField, Notices, PageHeading, RadioGroup } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { listEvaluationMethods } from '../evaluation-method.js';
import { staffLessonsHref, staffReportHref } from '../paths.js';
import { assessmentMethods } from '../scales.js';

type Entry = Awaited<ReturnType<typeof listEvaluationMethods>>[number];

/** The admin's choice of assessment method per exercise (/admin/evaluacion), with its report and lessons. */
export function AdminMethodsPage(props: {
  entries: Entry[];
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[{ href: '/admin', label: t('accounts.admin.title') }, { label: t('evaluation.admin.title') }]}
      />
      <PageHeading title={t('evaluation.admin.title')} lead={t('evaluation.admin.lead')} />
      <Notices notice={props.notice} problem={props.problem} />
      <p>
        <a href="/admin/evaluacion/siguiente-ejercicio">{t('evaluation.admin.next')}</a>
      </p>
      {props.entries.map((entry) => (
        <section key={entry.id} aria-labelledby={`ejercicio-${entry.slug}`} class="panel">
          <h2 id={`ejercicio-${entry.slug}`}>{entry.title}</h2>
          <p>
            {entry.method ? t('evaluation.admin.current', { method: t(`evaluation.method.${entry.method}`) }) : null}{' '}
            {entry.chosen
              ? t('evaluation.admin.chosen')
              : entry.periodStart
                ? t('evaluation.admin.byRule')
                : t('evaluation.admin.noPlan')}
          </p>
          <ul class="plain-list">
            <li>
              <a href={staffReportHref(entry.slug)}>{t('evaluation.admin.report')}</a>
            </li>
            <li>
              <a href={staffLessonsHref(entry.slug)}>{t('evaluation.admin.lessons')}</a>
            </li>
          </ul>
          {entry.isInUse ? (
            <p>{t('evaluation.admin.inUse')}</p>
          ) : (
            <form method="post" action={`/admin/evaluacion/${entry.id}/metodo`} novalidate>
              <CsrfField />
              <RadioGroup
                id={`metodo-${entry.slug}`}
                name="method"
                legend={t('evaluation.admin.method')}
                value={entry.method}
                options={assessmentMethods.map((m) => ({ value: m, label: t(`evaluation.method.${m}`) }))}
              />
              <Button>{t('evaluation.admin.submit')}</Button>
            </form>
          )}
        </section>
      ))}
    </>
  );
}
