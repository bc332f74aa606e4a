import { PageHeading, Table } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { ProblemToModerate } from '../list-problems-to-moderate.js';
import { paperCapturesPath, problemPath } from '../paths.js';
import { ProblemStatusBadge } from './labels.js';

/**
 * The moderators' queue of problems: reported ones and those waiting for a decision, each linking to its page's forms.
 */
export function ProblemModerationPage(props: { reported: ProblemToModerate[]; undecided: ProblemToModerate[] }) {
  const { t, format } = usePage();
  const problemCell = (row: ProblemToModerate) => (
    <a href={problemPath(row.exerciseSlug, row.number)}>
      {t('cocreation.problem.heading', { number: row.number, title: row.title })}
    </a>
  );
  return (
    <>
      <PageHeading title={t('cocreation.moderation.queueTitle')} lead={t('cocreation.moderation.queueLead')} />
      <p>
        <a href={paperCapturesPath}>{t('cocreation.paper.link')}</a>
      </p>
      <h2>{t('cocreation.moderation.reported')}</h2>
      {props.reported.length === 0 ? (
        <p>{t('cocreation.moderation.noReports')}</p>
      ) : (
        <Table
          caption={t('cocreation.moderation.reported')}
          rows={props.reported}
          rowKey={(row) => `${row.exerciseSlug}-${row.number}`}
          columns={[
            { header: t('cocreation.moderation.problem'), cell: problemCell },
            { header: t('cocreation.moderation.exercise'), cell: (row) => row.exerciseTitle },
            { header: t('cocreation.moderation.reports'), cell: (row) => format.number(row.reports), isNumeric: true },
            {
              header: t('cocreation.moderation.reasons'),
              cell: (row) => row.reasons.map((reason) => t(`cocreation.reportReason.${reason}`)).join('; '),
            },
          ]}
        />
      )}
      <h2>{t('cocreation.moderation.undecided')}</h2>
      {props.undecided.length === 0 ? (
        <p>{t('cocreation.moderation.noneUndecided')}</p>
      ) : (
        <Table
          caption={t('cocreation.moderation.undecided')}
          rows={props.undecided}
          rowKey={(row) => `${row.exerciseSlug}-${row.number}`}
          columns={[
            { header: t('cocreation.moderation.problem'), cell: problemCell },
            { header: t('cocreation.moderation.exercise'), cell: (row) => row.exerciseTitle },
            { header: t('cocreation.supports.title'), cell: (row) => format.number(row.supports), isNumeric: true },
            { header: t('cocreation.filter.status'), cell: (row) => <ProblemStatusBadge status={row.status} /> },
          ]}
        />
      )}
    </>
  );
}
