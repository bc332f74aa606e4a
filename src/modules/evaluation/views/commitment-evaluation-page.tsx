import { Fragment } from 'preact';
import { Breadcrumbs, Notices, PageHeading, StatusBadge } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { CommitmentEvaluation } from '../get-commitment-evaluation.js';
import { openGovernmentValues } from '../scales.js';
import { staffHref } from './staff-pages.js';
import {
  CompletionBadge,
  DeclaredBadge,
  DisagreementNote,
  DisagreementRule,
  NotReviewableBadge,
  OpenedBadge,
} from './labels.js';

const percent = (format: { percent: (n: number) => string }, value: number) => format.percent(Math.round(value));

function Assessor(props: { name: string; organisation: string; on: string }) {
  const { t, format } = usePage();
  return (
    <p class="hint">
      {t('evaluation.assessedBy', {
        name: props.name,
        organisation: props.organisation,
        date: format.calendarDate(props.on),
      })}
    </p>
  );
}

function DesignSection(props: { evaluation: CommitmentEvaluation }) {
  const { t } = usePage();
  const { design, isStarred } = props.evaluation;
  return (
    <section aria-labelledby="diseno">
      <h2 id="diseno">{t('evaluation.design.title')}</h2>
      {!design ? (
        <p>{t('evaluation.design.none')}</p>
      ) : (
        <>
          <p>{t(`evaluation.method.${design.method}`)}</p>
          <dl>
            <dt>{t('evaluation.form.verifiability')}</dt>
            <dd>{t(`evaluation.verifiability.${design.verifiability}`)}</dd>
          </dl>
          {design.verifiability === 'not_verifiable' ? (
            <>
              <p>
                <NotReviewableBadge />
              </p>
              <p>{t('evaluation.notReviewable.explained')}</p>
            </>
          ) : (
            <>
              <h3>{t('evaluation.design.values')}</h3>
              <dl>
                {openGovernmentValues.map((v) => (
                  <Fragment key={v}>
                    <dt>{t(`evaluation.value.${v}`)}</dt>
                    <dd>
                      <strong>
                        {t(design.ogValues?.[v].relevant ? 'evaluation.relevant.yes' : 'evaluation.relevant.no')}.
                      </strong>{' '}
                      {design.ogValues?.[v].justification}
                    </dd>
                  </Fragment>
                ))}
              </dl>
              <h3>{t(`evaluation.potential.title.${design.method}`)}</h3>
              <p>
                <strong>{design.potential ? t(`evaluation.potential.${design.potential}`) : ''}</strong>
                {design.potentialJustification ? `. ${design.potentialJustification}` : ''}
              </p>
              {design.method === 'irm_2021' && design.isPromising ? (
                <>
                  <h3>{t('evaluation.promising')}</h3>
                  <p>
                    <StatusBadge tone="success">{t('evaluation.promising')}</StatusBadge>{' '}
                    {design.promisingJustification}
                  </p>
                  <p class="hint">{t('evaluation.promising.explained')}</p>
                </>
              ) : null}
            </>
          )}
          {design.method === 'irm_legacy' ? (
            <>
              <h3>{t('evaluation.starred')}</h3>
              <p>
                {isStarred === true ? <StatusBadge tone="success">{t('evaluation.starred')}</StatusBadge> : null}
                {isStarred === true ? ' ' : null}
                {t(
                  isStarred === undefined
                    ? 'evaluation.starred.pending'
                    : isStarred
                      ? 'evaluation.starred.yes'
                      : 'evaluation.starred.no',
                )}
              </p>
              <p class="hint">{t('evaluation.starred.formula')}</p>
            </>
          ) : null}
          <Assessor name={design.assessorName} organisation={design.assessorOrganisation} on={design.assessedOn} />
        </>
      )}
    </section>
  );
}

function EndSection(props: { evaluation: CommitmentEvaluation }) {
  const { t, format } = usePage();
  const { end } = props.evaluation;
  return (
    <section aria-labelledby="cierre">
      <h2 id="cierre">{t('evaluation.end.title')}</h2>
      {!end ? (
        <p>
          {props.evaluation.design?.verifiability === 'not_verifiable'
            ? t('evaluation.notReviewable')
            : t('evaluation.end.none')}
        </p>
      ) : (
        <>
          <dl>
            <dt>{t('evaluation.completion.title')}</dt>
            <dd>
              <CompletionBadge completion={end.completion} />
            </dd>
            <dt>{t('evaluation.opened.title')}</dt>
            <dd>
              <OpenedBadge opened={end.openedGovernment} />
            </dd>
          </dl>
          <p>{t('evaluation.end.progressAt', { progress: percent(format, end.progressAtAssessment) })}</p>
          {end.completeJustification ? (
            <>
              <h3>{t('evaluation.end.justification')}</h3>
              <p>{end.completeJustification}</p>
            </>
          ) : null}
          <h3>{t('evaluation.end.narrative')}</h3>
          <p class="prewrap">{end.narrative}</p>
          <h3>{t('evaluation.end.evidence')}</h3>
          <ul class="url-list">
            {end.evidenceUrls.map((url) => (
              <li key={url}>
                <a href={url} rel="nofollow noopener">
                  {url}
                </a>
              </li>
            ))}
          </ul>
          <Assessor name={end.assessorName} organisation={end.assessorOrganisation} on={end.assessedOn} />
        </>
      )}
    </section>
  );
}

/** What the signed-in person may do on this commitment (liaison of its lead institution, independent evaluator). */
export interface StaffActions {
  canReport: boolean;
  canAssess: boolean;
}

function StaffLinks(props: { actions: StaffActions; commitmentId: string }) {
  const { t } = usePage();
  const { canReport, canAssess } = props.actions;
  if (!canReport && !canAssess) return null;
  return (
    <ul class="inline-list">
      {canReport ? (
        <li>
          <a href={staffHref(props.commitmentId, 'informe')}>{t('evaluation.work.reports.write')}</a>
        </li>
      ) : null}
      {canAssess ? (
        <>
          <li>
            <a href={staffHref(props.commitmentId, 'diseno')}>{t('evaluation.work.assess.doDesign')}</a>
          </li>
          <li>
            <a href={staffHref(props.commitmentId, 'cierre')}>{t('evaluation.work.assess.doEnd')}</a>
          </li>
        </>
      ) : null}
      <li>
        <a href="/evaluacion">{t('evaluation.work.title')}</a>
      </li>
    </ul>
  );
}

/** A commitment's public evaluation: its progress reports, its design and end assessments, disagreements. */
export function CommitmentEvaluationPage(props: {
  evaluation: CommitmentEvaluation;
  notice?: string | undefined;
  actions?: StaffActions;
}) {
  const { t, format } = usePage();
  const { commitment, reports } = props.evaluation;
  const slug = commitment.exerciseSlug;
  const commitmentHref = `/ejercicios/${slug}/plan/compromisos/${commitment.number}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${slug}/plan`, label: commitment.planTitle },
          { href: `/ejercicios/${slug}/plan/resultados`, label: t('evaluation.results.crumb') },
          { label: t('evaluation.commitment.crumb') },
        ]}
      />
      <PageHeading
        title={t('evaluation.commitment.title', { number: format.number(commitment.number) })}
        lead={commitment.title}
      >
        <p>
          <a href={commitmentHref}>{t('evaluation.commitment.back')}</a>
        </p>
        <p>{t('evaluation.commitment.progressNow', { progress: percent(format, commitment.progress) })}</p>
      </PageHeading>
      <Notices notice={props.notice} />
      {props.actions ? <StaffLinks actions={props.actions} commitmentId={commitment.id} /> : null}
      <p>
        <strong>{t('evaluation.results.table.disagreement')}:</strong>{' '}
        <DisagreementNote disagreements={props.evaluation.disagreements} />
      </p>

      <section aria-labelledby="informes">
        <h2 id="informes">{t('evaluation.reports.title')}</h2>
        {reports.length === 0 ? <p>{t('evaluation.reports.none')}</p> : null}
        {reports.map((report) => (
          <article key={report.id} aria-labelledby={`informe-${report.period}`}>
            <h3 id={`informe-${report.period}`}>{t(`evaluation.period.${report.period}`)}</h3>
            <p>
              {t('evaluation.reports.declared')} <DeclaredBadge status={report.declaredStatus} />
            </p>
            <p class="hint">
              {t('evaluation.reportedOn', {
                date: format.calendarDate(report.reportedOn),
                institution: commitment.leadName,
                progress: percent(format, report.progressAtReport),
              })}
            </p>
            <p class="prewrap">{report.narrative}</p>
          </article>
        ))}
      </section>

      <DesignSection evaluation={props.evaluation} />
      <EndSection evaluation={props.evaluation} />
      <DisagreementRule headingId="regla" />
    </>
  );
}
