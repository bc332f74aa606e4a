import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  FileField,
  Notices,
  PageHeading,
  SelectField,
  Table,
  TextArea,
  TextField,
} from '../../../../web/components/index.js';
import type { FormState } from '../../../../web/forms.js';
import { usePage } from '../../../../web/page-context.js';
import { filePath } from '../../../files/get-file.js';
import type { DiagnosisWindow, WindowState } from '../../diagnosis-window.js';
import { problemThemes } from '../../schema.js';
import { PROBLEM_DESCRIPTION_MAX, PROBLEM_TITLE_MAX } from '../../submit-problem.js';
import { MAX_PAPER_SUPPORTS } from '../../support-problem.js';
import { DiagnosisWindowNote } from '../../views/labels.js';
import type { ExerciseRef } from '../../views/problems-page.js';
import type { PaperCapture } from '../list-paper-captures.js';
import { paperCapturePath, paperCapturesPath, problemPath } from '../../paths.js';

/** The types a scan may have, for the file picker (the server checks the content). */
const SCAN_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The exercises whose paper forms staff may capture, each with where its diagnosis stands today. */
export function PaperCapturesPage(props: {
  exercises: { slug: string; title: string; window: DiagnosisWindow | undefined; state: WindowState }[];
}) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: t('accounts.admin.title') },
          { href: '/admin/problemas', label: t('cocreation.moderation.queueTitle') },
          { label: t('cocreation.paper.title') },
        ]}
      />
      <PageHeading title={t('cocreation.paper.title')} lead={t('cocreation.paper.lead')} />
      <ul class="plain-list">
        {props.exercises.map((exercise) => (
          <li key={exercise.slug}>
            <article class="card">
              <h2 class="card__title">
                <a href={paperCapturePath(exercise.slug)}>{exercise.title}</a>
              </h2>
              <DiagnosisWindowNote window={exercise.window} state={exercise.state} />
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}

export interface PaperForms {
  problem: FormState;
  supports: FormState;
}

/** A scan field of one of the two forms (ids prefixed by the form). */
function ScanField(props: { prefix: string; form: FormState; hint: string }) {
  const { t } = usePage();
  return (
    <FileField
      id={`${props.prefix}-scan`}
      name="scan"
      label={t('cocreation.paper.scan')}
      hint={props.hint}
      error={props.form.errors.scan}
      accept={SCAN_ACCEPT}
    />
  );
}

/** The form of a problem handed in on paper, with its scan. */
function ProblemCaptureForm(props: {
  base: string;
  form: FormState;
  municipalities: { cvegeo: string; name: string }[];
  chosenMunicipalities: string[];
}) {
  const { t, format } = usePage();
  const { base } = props;
  const problemForm = props.form;
  return (
    <form
      method="post"
      action={`${base}/problema`}
      enctype="multipart/form-data"
      novalidate
      class="form-section form-narrow"
    >
      <h2>{t('cocreation.paper.problemTitle')}</h2>
      <p>{t('cocreation.paper.problemLead')}</p>
      <ErrorSummary errors={problemForm.summary} />
      <CsrfField />
      <TextField
        id="paper-problem-title"
        name="title"
        label={t('cocreation.field.title')}
        hint={t('cocreation.field.titleHint')}
        value={problemForm.values.title}
        error={problemForm.errors.title}
        maxLength={PROBLEM_TITLE_MAX}
      />
      <TextArea
        id="paper-problem-description"
        name="description"
        label={t('cocreation.field.description')}
        hint={t('cocreation.field.descriptionHint', { max: format.number(PROBLEM_DESCRIPTION_MAX) })}
        value={problemForm.values.description}
        error={problemForm.errors.description}
        rows={8}
        maxLength={PROBLEM_DESCRIPTION_MAX}
      />
      <TextField
        id="paper-problem-evidenceUrl"
        name="evidenceUrl"
        type="url"
        label={t('cocreation.field.evidence')}
        hint={t('cocreation.field.evidenceHint')}
        value={problemForm.values.evidenceUrl}
        error={problemForm.errors.evidenceUrl}
        isOptional
        maxLength={500}
      />
      <SelectField
        id="paper-problem-theme"
        name="theme"
        label={t('cocreation.field.theme')}
        value={problemForm.values.theme ?? ''}
        error={problemForm.errors.theme}
        options={[
          { value: '', label: t('cocreation.field.themeChoose') },
          ...problemThemes.map((theme) => ({ value: theme, label: t(`cocreation.theme.${theme}`) })),
        ]}
      />
      <div class={problemForm.errors.municipalities ? 'field field--error' : 'field'}>
        <fieldset
          class="fieldset"
          aria-describedby={
            problemForm.errors.municipalities
              ? 'paper-problem-municipalities-hint paper-problem-municipalities-error'
              : 'paper-problem-municipalities-hint'
          }
        >
          <legend class="field__label">{t('cocreation.field.municipalities')}</legend>
          <p class="field__hint" id="paper-problem-municipalities-hint">
            {t('cocreation.field.municipalitiesHint')}
          </p>
          {problemForm.errors.municipalities ? (
            <p class="field__error" id="paper-problem-municipalities-error">
              <span class="visually-hidden">{t('status.error')}: </span>
              {problemForm.errors.municipalities}
            </p>
          ) : null}
          {props.municipalities.map((m, index) => {
            const id = index === 0 ? 'paper-problem-municipalities' : `paper-problem-municipalities-${m.cvegeo}`;
            return (
              <div class="choice" key={m.cvegeo}>
                <input
                  class="choice__input"
                  type="checkbox"
                  id={id}
                  name="municipalities"
                  value={m.cvegeo}
                  checked={props.chosenMunicipalities.includes(m.cvegeo)}
                />
                <label class="choice__label" for={id}>
                  {m.name}
                </label>
              </div>
            );
          })}
        </fieldset>
      </div>
      <ScanField prefix="paper-problem" form={problemForm} hint={t('cocreation.paper.scanHint')} />
      <Button>{t('cocreation.paper.problemSubmit')}</Button>
    </form>
  );
}

/** The form of a sheet of paper supports of one problem, with its scan. */
function SupportsCaptureForm(props: {
  base: string;
  form: FormState;
  supportable: { number: number; title: string }[];
}) {
  const { t, format } = usePage();
  const { base } = props;
  const supportsForm = props.form;
  return (
    <form
      method="post"
      action={`${base}/apoyos`}
      enctype="multipart/form-data"
      novalidate
      class="form-section form-narrow"
    >
      <h2>{t('cocreation.paper.supportsTitle')}</h2>
      <p>{t('cocreation.paper.supportsLead')}</p>
      <ErrorSummary errors={supportsForm.summary} />
      <CsrfField />
      <SelectField
        id="paper-supports-problemNumber"
        name="problemNumber"
        label={t('cocreation.paper.problem')}
        value={supportsForm.values.problemNumber ?? ''}
        error={supportsForm.errors.problemNumber}
        options={[
          { value: '', label: t('cocreation.paper.problemChoose') },
          ...props.supportable.map((p) => ({
            value: String(p.number),
            label: t('cocreation.problem.heading', { number: p.number, title: p.title }),
          })),
        ]}
      />
      <TextField
        id="paper-supports-count"
        name="count"
        label={t('cocreation.paper.count')}
        hint={t('cocreation.paper.countHint', { max: format.number(MAX_PAPER_SUPPORTS) })}
        value={supportsForm.values.count}
        error={supportsForm.errors.count}
        maxLength={4}
      />
      <ScanField prefix="paper-supports" form={supportsForm} hint={t('cocreation.paper.scanSheetHint')} />
      <Button>{t('cocreation.paper.supportsSubmit')}</Button>
    </form>
  );
}

/** The paper forms captured so far, with who captured each and its scan. */
function CapturesTable(props: { exercise: ExerciseRef; captures: PaperCapture[] }) {
  const { t, format } = usePage();
  const { exercise } = props;
  return (
    <>
      <h2 id="capturas">{t('cocreation.paper.capturedTitle')}</h2>
      {props.captures.length === 0 ? (
        <p>{t('cocreation.paper.noneCaptured')}</p>
      ) : (
        <Table
          caption={t('cocreation.paper.capturedTitle')}
          rows={props.captures}
          rowKey={(row) => `${row.kind}-${row.problemNumber}-${row.scan?.id ?? row.capturedAt.toISOString()}`}
          stack
          columns={[
            {
              header: t('cocreation.moderation.problem'),
              isPrimary: true,
              cell: (row) => (
                <a href={problemPath(exercise.slug, row.problemNumber)}>
                  {t('cocreation.problem.heading', { number: row.problemNumber, title: row.problemTitle })}
                </a>
              ),
            },
            {
              header: t('cocreation.paper.kind'),
              cell: (row) =>
                row.kind === 'problem'
                  ? t('cocreation.paper.kindProblem')
                  : t('cocreation.paper.kindSupports', { count: format.number(row.count) }),
            },
            { header: t('cocreation.paper.capturedAt'), cell: (row) => format.dateTime(row.capturedAt) },
            { header: t('cocreation.paper.capturedBy'), cell: (row) => row.capturedBy ?? t('cocreation.paper.portal') },
            {
              header: t('cocreation.paper.scan'),
              cell: (row) =>
                row.scan ? (
                  <a href={filePath(row.scan)}>{t('cocreation.paper.scanLink', { name: row.scan.originalName })}</a>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
    </>
  );
}

/**
 * Capturing the paper forms of one exercise: a problem handed in on paper, a sheet of supports of a problem, each
 * with its scan; and the forms captured so far with who captured them and their scans (this page is for staff only).
 */
export function PaperCapturePage(props: {
  exercise: ExerciseRef;
  window: DiagnosisWindow | undefined;
  state: WindowState;
  forms: PaperForms;
  municipalities: { cvegeo: string; name: string }[];
  chosenMunicipalities: string[];
  supportable: { number: number; title: string }[];
  captures: PaperCapture[];
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t } = usePage();
  const { exercise, forms } = props;
  const base = paperCapturePath(exercise.slug);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: t('accounts.admin.title') },
          { href: '/admin/problemas', label: t('cocreation.moderation.queueTitle') },
          { href: paperCapturesPath, label: t('cocreation.paper.title') },
          { label: exercise.title },
        ]}
      />
      <PageHeading
        title={t('cocreation.paper.exerciseTitle', { title: exercise.title })}
        lead={t('cocreation.paper.exerciseLead')}
      />
      <Notices notice={props.notice} problem={props.problem} />
      <DiagnosisWindowNote window={props.window} state={props.state} />
      {props.state === 'open' ? (
        <>
          <ProblemCaptureForm
            base={base}
            form={forms.problem}
            municipalities={props.municipalities}
            chosenMunicipalities={props.chosenMunicipalities}
          />
          <SupportsCaptureForm base={base} form={forms.supports} supportable={props.supportable} />
        </>
      ) : null}

      <CapturesTable exercise={exercise} captures={props.captures} />
    </>
  );
}
