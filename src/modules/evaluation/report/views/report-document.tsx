import type { ComponentChildren } from 'preact';
import { Table } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { openGovernmentValues } from '../../scales.js';
import {
  CompletionBadge,
  DeclaredBadge,
  DisagreementNote,
  NotReviewableBadge,
  OpenedBadge,
} from '../../views/labels.js';
import type { ReportCommitment, ResultsReportContent } from '../build-results-report.js';
import { ProcessSection } from './process-section.js';

/** How the document is shown: a frozen version (with its number, date, hash and download) or the authors' preview. */
export type ReportEdition =
  { kind: 'version'; version: number; publishedAt: Date; sha256: string; sourceHref: string } | { kind: 'preview' };

function Row(props: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function Text(props: { value: string }) {
  const { t } = usePage();
  return props.value.trim() ? <p class="prewrap">{props.value}</p> : <p class="hint">{t('evaluationReport.empty')}</p>;
}

const percent = (format: { percent: (n: number) => string }, value: number) => format.percent(Math.round(value));

function Summary(props: { content: ResultsReportContent }) {
  const { t, format } = usePage();
  const { figures, plan, texts } = props.content;
  const n = (value: number) => format.number(value);
  return (
    <section aria-labelledby="resumen">
      <h2 id="resumen">{t('evaluationReport.summary')}</h2>
      <Text value={texts.summary} />
      {plan && figures ? (
        <>
          <h3>{t('evaluationReport.summary.figures')}</h3>
          <ul>
            <li>{t('evaluationReport.summary.commitments', { count: n(figures.commitments), plan: plan.title })}</li>
            <li>{t('evaluationReport.summary.method', { method: t(`evaluation.method.${plan.method}`) })}</li>
            <li>{t('evaluationReport.summary.highCompletion', { count: n(figures.highCompletion) })}</li>
            <li>{t('evaluationReport.summary.strongResults', { count: n(figures.strongResults) })}</li>
            {plan.method === 'irm_legacy' ? (
              <li>{t('evaluationReport.summary.starred', { count: n(figures.starred) })}</li>
            ) : (
              <li>{t('evaluationReport.summary.promising', { count: n(figures.promising) })}</li>
            )}
            <li>{t('evaluationReport.summary.notVerifiable', { count: n(figures.notVerifiable) })}</li>
            <li>{t('evaluationReport.summary.disagreements', { count: n(figures.disagreements) })}</li>
          </ul>
          <Table
            caption={t('evaluationReport.summary.completionCaption')}
            rowKey={(r) => r.level}
            rows={[...figures.completion.levels, { level: '-none', count: figures.completion.none }]}
            columns={[
              {
                header: t('evaluation.completion.title'),
                cell: (r) =>
                  r.level === '-none'
                    ? `${t('evaluation.notAssessed')} / ${t('evaluation.notReviewable')}`
                    : t(`evaluation.completion.${r.level as 'complete'}`),
              },
              { header: t('evaluation.results.counts.count'), cell: (r) => n(r.count), isNumeric: true },
            ]}
          />
          <Table
            caption={t('evaluationReport.summary.openedCaption')}
            rowKey={(r) => r.level}
            rows={[...figures.openedGovernment.levels, { level: '-none', count: figures.openedGovernment.none }]}
            columns={[
              {
                header: t('evaluation.opened.title'),
                cell: (r) =>
                  r.level === '-none'
                    ? `${t('evaluation.notAssessed')} / ${t('evaluation.notReviewable')}`
                    : t(`evaluation.opened.${r.level as 'major'}`),
              },
              { header: t('evaluation.results.counts.count'), cell: (r) => n(r.count), isNumeric: true },
            ]}
          />
        </>
      ) : (
        <p>{t('evaluationReport.noPlan')}</p>
      )}
    </section>
  );
}

function DesignPart(props: { design: NonNullable<ReportCommitment['design']>; isStarred: boolean | null }) {
  const { t, format } = usePage();
  const { design } = props;
  return (
    <>
      <h4>{t('evaluation.design.title')}</h4>
      <dl class="plan-document__facts">
        <Row label={t('evaluation.form.verifiability')}>
          {t(`evaluation.verifiability.${design.verifiability}`)}
          {design.verifiability === 'not_verifiable' ? (
            <>
              {' '}
              <NotReviewableBadge />
            </>
          ) : null}
        </Row>
        {design.values
          ? openGovernmentValues.map((v) => (
              <Row key={v} label={t(`evaluation.value.${v}`)}>
                <strong>{t(design.values![v].relevant ? 'evaluation.relevant.yes' : 'evaluation.relevant.no')}.</strong>{' '}
                {design.values![v].justification}
              </Row>
            ))
          : null}
        {design.potential ? (
          <Row label={t(`evaluation.potential.title.${design.method}`)}>
            <strong>{t(`evaluation.potential.${design.potential}`)}</strong>
            {design.potentialJustification ? `. ${design.potentialJustification}` : ''}
          </Row>
        ) : null}
        {design.isPromising ? <Row label={t('evaluation.promising')}>{design.promisingJustification}</Row> : null}
        {design.method === 'irm_legacy' && design.verifiability === 'verifiable' ? (
          <Row label={t('evaluation.starred')}>
            {props.isStarred === null
              ? t('evaluation.starred.pending')
              : t(props.isStarred ? 'evaluation.starred.yes' : 'evaluation.starred.no')}
          </Row>
        ) : null}
      </dl>
      <p class="hint">
        {t('evaluation.assessedBy', {
          name: design.assessorName,
          organisation: design.assessorOrganisation,
          date: format.calendarDate(design.assessedOn),
        })}
      </p>
    </>
  );
}

function EndPart(props: { end: NonNullable<ReportCommitment['end']> }) {
  const { t, format } = usePage();
  const { end } = props;
  return (
    <>
      <h4>{t('evaluation.end.title')}</h4>
      <dl class="plan-document__facts">
        <Row label={t('evaluation.completion.title')}>
          <CompletionBadge completion={end.completion} />
        </Row>
        <Row label={t('evaluation.opened.title')}>
          <OpenedBadge opened={end.openedGovernment} />
        </Row>
        <Row label={t('evaluationReport.commitment.progressAt')}>{percent(format, end.progressAtAssessment)}</Row>
        {end.completeJustification ? (
          <Row label={t('evaluation.end.justification')}>{end.completeJustification}</Row>
        ) : null}
        <Row label={t('evaluation.end.evidence')}>
          <ul class="plain-list">
            {end.evidenceUrls.map((url) => (
              <li key={url}>
                <a href={url}>{url}</a>
              </li>
            ))}
          </ul>
        </Row>
      </dl>
      <p class="prewrap">{end.narrative}</p>
      <p class="hint">
        {t('evaluation.assessedBy', {
          name: end.assessorName,
          organisation: end.assessorOrganisation,
          date: format.calendarDate(end.assessedOn),
        })}
      </p>
    </>
  );
}

function CommitmentPart(props: { commitment: ReportCommitment }) {
  const { t, format } = usePage();
  const c = props.commitment;
  const id = `compromiso-${c.number}`;
  return (
    <section class="plan-document__commitment" id={id} aria-labelledby={`${id}-titulo`}>
      <h3 id={`${id}-titulo`}>{t('planData.print.commitment', { number: c.number, title: c.title })}</h3>
      <dl class="plan-document__facts">
        <Row label={t('planData.print.lead')}>{c.lead}</Row>
        <Row label={t('planData.print.municipalities')}>
          {c.municipalities.length ? c.municipalities.join('; ') : t('planData.print.empty')}
        </Row>
        <Row label={t('planData.print.commitmentStatus')}>{t(`plan.commitmentStatus.${c.status}`)}</Row>
        <Row label={t('planData.print.commitmentProgress')}>{percent(format, c.progress)}</Row>
        <Row label={t('evaluation.results.table.disagreement')}>
          <DisagreementNote disagreements={c.disagreements} />
        </Row>
      </dl>
      <h4>{t('evaluation.reports.title')}</h4>
      {c.reports.length === 0 ? <p>{t('evaluation.reports.none')}</p> : null}
      {c.reports.map((r) => (
        <div key={r.period}>
          <p>
            <strong>{t(`evaluation.period.${r.period}`)}</strong> · {t('evaluation.reports.declared')}{' '}
            <DeclaredBadge status={r.declaredStatus} /> ·{' '}
            {t('evaluationReport.commitment.reported', {
              date: format.calendarDate(r.reportedOn),
              progress: percent(format, r.progressAtReport),
            })}
          </p>
          <p class="prewrap">{r.narrative}</p>
        </div>
      ))}
      {c.design ? <DesignPart design={c.design} isStarred={c.isStarred} /> : <p>{t('evaluation.design.none')}</p>}
      {c.end ? (
        <EndPart end={c.end} />
      ) : c.design?.verifiability === 'not_verifiable' ? null : (
        <p>{t('evaluation.end.none')}</p>
      )}
    </section>
  );
}

function Annex(props: { commitments: ReportCommitment[] }) {
  const { t, format } = usePage();
  const latest = (c: ReportCommitment) => c.reports[c.reports.length - 1];
  return (
    <section aria-labelledby="anexo">
      <h2 id="anexo">{t('evaluationReport.annex')}</h2>
      <Table
        caption={t('evaluationReport.annex.caption')}
        rowKey={(c) => String(c.number)}
        rows={props.commitments}
        columns={[
          { header: t('evaluation.results.table.number'), cell: (c) => format.number(c.number), isNumeric: true },
          { header: t('evaluation.results.table.commitment'), cell: (c) => c.title },
          { header: t('evaluation.results.table.institution'), cell: (c) => c.lead },
          {
            header: t('evaluation.results.table.declared'),
            cell: (c) => (latest(c) ? t(`evaluation.declared.${latest(c)!.declaredStatus}`) : t('evaluation.noReport')),
          },
          { header: t('evaluation.results.table.progress'), cell: (c) => percent(format, c.progress), isNumeric: true },
          {
            header: t('evaluation.results.table.completion'),
            cell: (c) =>
              c.design?.verifiability === 'not_verifiable'
                ? t('evaluation.notReviewable')
                : c.end
                  ? t(`evaluation.completion.${c.end.completion}`)
                  : t('evaluation.notAssessed'),
          },
          {
            header: t('evaluation.results.table.opened'),
            cell: (c) =>
              c.design?.verifiability === 'not_verifiable'
                ? t('evaluation.notReviewable')
                : c.end
                  ? t(`evaluation.opened.${c.end.openedGovernment}`)
                  : t('evaluation.notAssessed'),
          },
          {
            header: t('evaluation.results.table.disagreement'),
            cell: (c) =>
              c.disagreements.length ? t('evaluation.disagreement.badge') : t('evaluation.disagreement.none'),
          },
        ]}
      />
    </section>
  );
}

function Cover(props: { content: ResultsReportContent; edition: ReportEdition }) {
  const { t, format } = usePage();
  const { exercise, plan } = props.content;
  const { edition } = props;
  return (
    <header class="plan-document__cover">
      <p class="plan-document__convener">{exercise.convener}</p>
      <h1>{t('evaluationReport.title')}</h1>
      <p class="lead">{exercise.title}</p>
      {plan ? (
        <p>
          {plan.title} ·{' '}
          {t('planData.print.period', {
            start: format.calendarDate(plan.periodStart),
            end: format.calendarDate(plan.periodEnd),
          })}
        </p>
      ) : null}
      {edition.kind === 'version' ? (
        <dl class="plan-document__facts">
          <Row label={t('evaluationReport.version')}>
            {t('evaluationReport.version.number', {
              version: format.number(edition.version),
              date: format.date(edition.publishedAt),
            })}
          </Row>
          <Row label={t('evaluationReport.version.hash')}>
            <code class="hash">{edition.sha256}</code>
          </Row>
          <Row label={t('evaluationReport.version.source')}>
            <a href={edition.sourceHref}>{t('evaluationReport.version.download')}</a>
          </Row>
        </dl>
      ) : (
        <p>
          <strong>{t('evaluationReport.preview')}</strong>
        </p>
      )}
      <p class="hint">{t('evaluationReport.asOf', { date: format.calendarDate(props.content.asOf) })}</p>
      <p class="hint print-hint">{t('planData.print.printHint')}</p>
    </header>
  );
}

/**
 * The results report as the official document reads (the plan's print view's layout): cover, contents, summary,
 * process, each commitment, lessons, conclusions and the annex. Rendered from the report's source, so a published
 * version renders from what it froze.
 */
export function ReportDocument(props: { content: ResultsReportContent; edition: ReportEdition }) {
  const { t } = usePage();
  const { content } = props;
  const sections = [
    ['resumen', t('evaluationReport.summary')],
    ['proceso', t('evaluationReport.process')],
    ['compromisos', t('evaluationReport.commitments')],
    ['lecciones', t('evaluationReport.lessons')],
    ['conclusiones', t('evaluationReport.conclusions')],
    ['anexo', t('evaluationReport.annex')],
  ] as const;
  return (
    <article class="document plan-document">
      <Cover content={content} edition={props.edition} />
      <nav class="plan-document__contents" aria-labelledby="contenido">
        <h2 id="contenido">{t('planData.print.contents')}</h2>
        <ol>
          {sections.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ol>
      </nav>
      <Summary content={content} />
      <section aria-labelledby="proceso">
        <h2 id="proceso">{t('evaluationReport.process')}</h2>
        <p>{t('evaluationReport.process.lead')}</p>
        <ProcessSection process={content.process} level={3} />
      </section>
      <section aria-labelledby="compromisos">
        <h2 id="compromisos">{t('evaluationReport.commitments')}</h2>
        {content.commitments.length === 0 ? <p>{t('evaluationReport.noPlan')}</p> : null}
        {content.commitments.map((c) => (
          <CommitmentPart key={c.number} commitment={c} />
        ))}
      </section>
      <section aria-labelledby="lecciones">
        <h2 id="lecciones">{t('evaluationReport.lessons')}</h2>
        {content.lessons.length === 0 ? <p>{t('evaluationReport.lessons.none')}</p> : null}
        {content.lessons.map((lesson, index) => (
          <div class="plan-document__milestone" key={lesson.id}>
            <h3>{t('evaluationReport.lesson', { number: index + 1, theme: lesson.theme })}</h3>
            <dl class="plan-document__facts">
              <Row label={t('evaluationLessons.finding')}>{lesson.finding}</Row>
              <Row label={t('evaluationLessons.recommendation')}>{lesson.recommendation}</Row>
              <Row label={t('evaluationLessons.source')}>{lesson.source}</Row>
            </dl>
          </div>
        ))}
      </section>
      <section aria-labelledby="conclusiones">
        <h2 id="conclusiones">{t('evaluationReport.conclusions')}</h2>
        <Text value={content.texts.conclusions} />
      </section>
      <Annex commitments={content.commitments} />
    </article>
  );
}
