import {
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  Table,
  TextArea,
} from '../../../../web/components/index.js';
import type { FormState } from '../../../../web/forms.js';
import { usePage } from '../../../../web/page-context.js';
import { reportHref, sourceHref, staffReportHref, versionHref } from '../../paths.js';
import type { ResultsReportContent } from '../build-results-report.js';
import type { ReportVersionEntry } from '../report-versions.js';
import { ReportDocument, type ReportEdition } from './report-document.js';

interface ExerciseRef {
  slug: string;
  title: string;
}

/** The published versions, each at its stable address with the download of its source and its hash. */
export function VersionsTable(props: { exercise: ExerciseRef; versions: ReportVersionEntry[]; current?: number }) {
  const { t, format } = usePage();
  return (
    <section aria-labelledby="versiones">
      <h2 id="versiones">{t('evaluationReport.versions')}</h2>
      {props.versions.length === 0 ? (
        <p>{t('evaluationReport.versions.none')}</p>
      ) : (
        <>
          <p>{t('evaluationReport.versions.lead')}</p>
          <Table
            caption={t('evaluationReport.versions.caption', { exercise: props.exercise.title })}
            rowKey={(v) => String(v.version)}
            rows={props.versions}
            columns={[
              {
                header: t('evaluationReport.version'),
                cell: (v) =>
                  v.version === props.current ? (
                    t('evaluationReport.versions.shown', { version: format.number(v.version) })
                  ) : (
                    <a href={versionHref(props.exercise.slug, v.version)}>
                      {t('evaluationReport.versions.read', { version: format.number(v.version) })}
                    </a>
                  ),
              },
              { header: t('evaluationReport.versions.publishedAt'), cell: (v) => format.dateTime(v.publishedAt) },
              {
                header: t('evaluationReport.version.source'),
                cell: (v) => (
                  <a href={sourceHref(props.exercise.slug, v.version)} download>
                    {t('evaluationReport.versions.download', { version: format.number(v.version) })}
                  </a>
                ),
              },
              { header: t('evaluationReport.version.hash'), cell: (v) => <code class="hash">{v.sha256}</code> },
            ]}
          />
        </>
      )}
    </section>
  );
}

/** The public report: a published version as the official document, then every version. */
export function PublishedReportPage(props: {
  exercise: ExerciseRef;
  content: ResultsReportContent;
  edition: Extract<ReportEdition, { kind: 'version' }>;
  versions: ReportVersionEntry[];
}) {
  const { t, format } = usePage();
  const latest = props.versions[0]?.version;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/ejercicios', label: t('nav.exercises') },
          { href: `/ejercicios/${props.exercise.slug}`, label: props.exercise.title },
          { label: t('evaluationReport.crumb') },
        ]}
      />
      {latest !== undefined && latest !== props.edition.version ? (
        <Notices
          problem={t('evaluationReport.versions.older', {
            version: format.number(props.edition.version),
            latest: format.number(latest),
          })}
        />
      ) : null}
      <ReportDocument content={props.content} edition={props.edition} />
      <VersionsTable exercise={props.exercise} versions={props.versions} current={props.edition.version} />
    </>
  );
}

/** An exercise whose results report is not published yet. */
export function UnpublishedReportPage(props: { exercise: ExerciseRef }) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/ejercicios', label: t('nav.exercises') },
          { href: `/ejercicios/${props.exercise.slug}`, label: props.exercise.title },
          { label: t('evaluationReport.crumb') },
        ]}
      />
      <PageHeading title={t('evaluationReport.title')} lead={props.exercise.title} />
      <p>{t('evaluationReport.unpublished')}</p>
      <p>
        <a href={`/ejercicios/${props.exercise.slug}/plan/resultados`}>{t('evaluation.results.linkFromPlan')}</a>
      </p>
    </>
  );
}

/** The authors' page of a report: its texts, the preview, publication and the versions published. */
export function StaffReportPage(props: {
  exercise: ExerciseRef;
  form: FormState;
  versions: ReportVersionEntry[];
  hasPlan: boolean;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t } = usePage();
  const { form, exercise } = props;
  const action = staffReportHref(exercise.slug);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/evaluacion', label: t('evaluation.work.title') },
          { label: t('evaluationReport.staff.crumb') },
        ]}
      />
      <PageHeading
        title={t('evaluationReport.staff.title', { exercise: exercise.title })}
        lead={t('evaluationReport.staff.lead')}
      />
      <Notices notice={props.notice} problem={props.problem} />
      <section aria-labelledby="textos" class="panel">
        <h2 id="textos">{t('evaluationReport.staff.texts')}</h2>
        <form method="post" action={action} novalidate>
          <ErrorSummary errors={form.summary} />
          <CsrfField />
          <TextArea
            id="summary"
            name="summary"
            label={t('evaluationReport.staff.summary')}
            hint={t('evaluationReport.staff.summary.hint')}
            value={form.values.summary}
            error={form.errors.summary}
            rows={8}
            isOptional
          />
          <TextArea
            id="conclusions"
            name="conclusions"
            label={t('evaluationReport.staff.conclusions')}
            hint={t('evaluationReport.staff.conclusions.hint')}
            value={form.values.conclusions}
            error={form.errors.conclusions}
            rows={8}
            isOptional
          />
          <Button>{t('evaluationReport.staff.save')}</Button>
        </form>
        <p>
          <ButtonLink href={`${action}/vista-previa`} variant="secondary">
            {t('evaluationReport.staff.preview')}
          </ButtonLink>
        </p>
      </section>
      <section aria-labelledby="publicar" class="panel">
        <h2 id="publicar">{t('evaluationReport.staff.publish')}</h2>
        <p>{t('evaluationReport.staff.publish.lead')}</p>
        {props.hasPlan ? (
          <form method="post" action={`${action}/publicar`} novalidate>
            <CsrfField />
            <Button>{t('evaluationReport.staff.publish.submit')}</Button>
          </form>
        ) : (
          <p>{t('evaluationReport.noPlan')}</p>
        )}
      </section>
      <VersionsTable exercise={exercise} versions={props.versions} />
      {props.versions.length ? (
        <p>
          <a href={reportHref(exercise.slug)}>{t('evaluationReport.staff.public')}</a>
        </p>
      ) : null}
    </>
  );
}

/** The authors' preview: the report as it would be published now. */
export function ReportPreviewPage(props: { exercise: ExerciseRef; content: ResultsReportContent }) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/evaluacion', label: t('evaluation.work.title') },
          { href: staffReportHref(props.exercise.slug), label: t('evaluationReport.staff.crumb') },
          { label: t('evaluationReport.staff.previewCrumb') },
        ]}
      />
      <ReportDocument content={props.content} edition={{ kind: 'preview' }} />
    </>
  );
}
