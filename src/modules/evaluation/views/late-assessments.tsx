import { Table } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { DeadlineSettings } from '../deadlines.js';
import type { lateAssessments } from '../list-assessment-deadlines.js';
import { evaluationHref } from './results-page.js';

type Late = ReturnType<typeof lateAssessments>;

/** The assessments of a plan past their deadline, with the rule that sets the deadlines. */
export function LateAssessments(props: { slug: string; late: Late; settings: DeadlineSettings }) {
  const { t, format } = usePage();
  return (
    <section aria-labelledby="evaluaciones-atrasadas">
      <h2 id="evaluaciones-atrasadas">{t('evaluation.late.title')}</h2>
      <p>
        {t('evaluation.late.rule', {
          design: format.number(props.settings.designDueDays),
          end: format.number(props.settings.endDueDays),
        })}
      </p>
      {props.late.length === 0 ? (
        <p>{t('evaluation.late.none')}</p>
      ) : (
        <Table
          caption={t('evaluation.late.caption', { count: format.number(props.late.length) })}
          rowKey={(r) => `${r.commitment.id}-${r.deadline.kind}`}
          rows={props.late}
          stack
          columns={[
            { header: t('evaluation.late.due'), cell: (r) => format.calendarDate(r.deadline.dueOn) },
            {
              header: t('evaluation.late.daysLate'),
              cell: (r) => format.number(r.deadline.daysLate),
              isNumeric: true,
            },
            { header: t('evaluation.late.kind'), cell: (r) => t(`evaluation.late.kind.${r.deadline.kind}`) },
            {
              header: t('evaluation.results.table.commitment'),
              isPrimary: true,
              cell: (r) => (
                <a href={evaluationHref(props.slug, r.commitment.number)}>
                  {`${format.number(r.commitment.number)}. ${r.commitment.title}`}
                </a>
              ),
            },
            { header: t('evaluation.results.table.institution'), cell: (r) => r.commitment.leadName },
          ]}
        />
      )}
    </section>
  );
}
