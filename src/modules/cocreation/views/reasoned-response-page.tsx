import { Breadcrumbs, PageHeading } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { ReasonedResponseRow } from '../list-reasoned-responses.js';
import { commitmentPagePath, problemPath, problemsPath, proposalPath, proposalsPath } from '../paths.js';
import { ProposalStatusBadge } from '../proposals/views/proposal-labels.js';
import type { ProblemStatus, ProposalStatus } from '../schema.js';
import { ProblemStatusBadge } from './labels.js';
import type { ExerciseRef } from './problems-page.js';

/**
 * The reasoned response of an exercise (OGP Standard 4): every problem raised and every proposal made, what became of
 * it, why, who decided and under which agreement, and the commitments it became. Cards rather than a table, so the
 * explanations read well on a phone.
 */
export function ReasonedResponsePage(props: { exercise: ExerciseRef; rows: ReasonedResponseRow[] }) {
  const { t, format } = usePage();
  const { exercise } = props;
  const problems = props.rows.filter((row) => row.subjectType === 'problem');
  const proposals = props.rows.filter((row) => row.subjectType === 'proposal');
  const answered = (rows: ReasonedResponseRow[]) => format.number(rows.filter((row) => row.outcome !== null).length);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { label: t('cocreation.response.title') },
        ]}
      />
      <PageHeading title={t('cocreation.response.title')} lead={t('cocreation.response.lead')} />
      <p role="status">
        {t('cocreation.response.summary', { total: format.number(problems.length), answered: answered(problems) })}{' '}
        {t('cocreation.response.proposalSummary', {
          total: format.number(proposals.length),
          answered: answered(proposals),
        })}
      </p>
      <p>
        <a href={problemsPath(exercise.slug)}>{t('cocreation.response.toProblems')}</a> ·{' '}
        <a href={proposalsPath(exercise.slug)}>{t('cocreation.response.toProposals')}</a> ·{' '}
        <a href="/datos/respuesta-razonada.csv">{t('cocreation.response.download')}</a>
      </p>
      <h2>{t('cocreation.problems.title')}</h2>
      {problems.length === 0 ? (
        <p>{t('cocreation.problems.empty')}</p>
      ) : (
        <ResponseList exerciseSlug={exercise.slug} rows={problems} label={t('cocreation.response.listLabel')} />
      )}
      <h2>{t('cocreation.proposals.title')}</h2>
      {proposals.length === 0 ? (
        <p>{t('cocreation.proposals.empty')}</p>
      ) : (
        <ResponseList exerciseSlug={exercise.slug} rows={proposals} label={t('cocreation.response.proposalsLabel')} />
      )}
    </>
  );
}

function ResponseList(props: { exerciseSlug: string; rows: ReasonedResponseRow[]; label: string }) {
  return (
    <ol class="plain-list" aria-label={props.label}>
      {props.rows.map((row) => (
        <li key={`${row.subjectType}-${row.number}`}>
          <ResponseCard exerciseSlug={props.exerciseSlug} row={row} />
        </li>
      ))}
    </ol>
  );
}

/** One input and its answer. */
function ResponseCard(props: { exerciseSlug: string; row: ReasonedResponseRow }) {
  const { t, format } = usePage();
  const { exerciseSlug: slug, row } = props;
  const isProblem = row.subjectType === 'problem';
  const path = isProblem ? problemPath(slug, row.number) : proposalPath(slug, row.number);
  const heading =
    row.title === null
      ? t(isProblem ? 'cocreation.hidden.title' : 'cocreation.proposal.hiddenTitle', { number: row.number })
      : t(isProblem ? 'cocreation.problem.heading' : 'cocreation.proposal.heading', {
          number: row.number,
          title: row.title,
        });
  return (
    <article class="card">
      <h3 class="card__title">
        <a href={path}>{heading}</a>
      </h3>
      <div class="card__meta">
        {isProblem ? (
          <>
            <ProblemStatusBadge status={row.status as ProblemStatus} />{' '}
            {row.supports === 1
              ? t('cocreation.supports.one')
              : t('cocreation.supports.count', { count: format.number(row.supports ?? 0) })}
          </>
        ) : (
          <>
            <ProposalStatusBadge status={row.status as ProposalStatus} />{' '}
            <a href={problemPath(slug, row.problemNumber ?? 0)}>
              {t('cocreation.response.answersProblem', { number: row.problemNumber ?? 0 })}
            </a>
          </>
        )}
      </div>
      {row.title === null ? (
        <p class="prewrap">
          {t('cocreation.hidden.reason')} {row.hiddenReason}
        </p>
      ) : null}
      {row.outcome === null ? (
        <p>{t('cocreation.response.pending')}</p>
      ) : (
        <dl class="meta-list">
          <dt>{t('cocreation.response.outcome')}</dt>
          <dd>
            {t(`cocreation.outcome.${row.outcome}`)}
            {row.mergedIntoNumber !== null ? (
              <>
                {' '}
                (
                <a href={problemPath(slug, row.mergedIntoNumber)}>
                  {t('cocreation.response.mergedIntoNumber', { number: row.mergedIntoNumber })}
                </a>
                )
              </>
            ) : null}
          </dd>
          <dt>{t('cocreation.response.reason')}</dt>
          <dd>{t(`cocreation.reason.${row.reasonCode!}`)}</dd>
          <dt>{t('cocreation.response.explanation')}</dt>
          <dd class="prewrap">{row.explanation}</dd>
          <dt>{t('cocreation.response.decider')}</dt>
          <dd>{row.deciderInstitution ? `${row.deciderLabel} (${row.deciderInstitution})` : row.deciderLabel}</dd>
          <dt>{t('cocreation.response.agreement')}</dt>
          <dd>
            {row.agreementCode ? (
              <a href={`/ejercicios/${slug}/secretariado/acuerdos/${row.agreementCode}`}>{row.agreementCode}</a>
            ) : (
              t('cocreation.response.noAgreement')
            )}
          </dd>
          <dt>{t('cocreation.response.decidedOn')}</dt>
          <dd>{row.decidedAt ? format.date(row.decidedAt) : ''}</dd>
        </dl>
      )}
      {row.commitmentNumbers.length > 0 ? (
        <p>
          {t('cocreation.response.became')}{' '}
          {row.commitmentNumbers.map((number, index) => (
            <span key={number}>
              {index > 0 ? ', ' : ''}
              <a href={commitmentPagePath(slug, number)}>{t('cocreation.response.commitmentNumber', { number })}</a>
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}
