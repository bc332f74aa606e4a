import {
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  PageHeading,
  SelectField,
  TextArea,
  TextField,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { FormState } from '../../../web/forms.js';
import type { DiagnosisWindow, WindowState } from '../diagnosis-window.js';
import type { SimilarProblem } from '../find-similar-problems.js';
import { newProblemPath, problemPath, problemsPath } from '../paths.js';
import { problemThemes } from '../schema.js';
import { PROBLEM_DESCRIPTION_MAX, PROBLEM_TITLE_MAX } from '../submit-problem.js';
import { DiagnosisWindowNote, ProblemStatusBadge } from './labels.js';
import type { ExerciseRef } from './problems-page.js';

/** Who is looking at the form: nobody signed in, a person whose e-mail is not confirmed, or someone who may propose. */
export type ProposerState = 'signedOut' | 'unconfirmed' | 'ready';

/** The fields of the problem form (the municipalities are sent once per ticked box). */
export const problemFormFields = ['title', 'description', 'evidenceUrl', 'theme'] as const;

function Breadcrumb(props: { exercise: ExerciseRef }) {
  const { t } = usePage();
  const { exercise } = props;
  return (
    <Breadcrumbs
      items={[
        { href: '/', label: t('nav.home') },
        { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
        { href: problemsPath(exercise.slug), label: t('cocreation.problems.title') },
        { label: t('cocreation.new.title') },
      ]}
    />
  );
}

/** The form to propose a problem, or why it cannot be used now (window not open, not signed in, not confirmed). */
export function NewProblemPage(props: {
  exercise: ExerciseRef;
  window: DiagnosisWindow | undefined;
  state: WindowState;
  proposer: ProposerState;
  form: FormState;
  municipalities: { cvegeo: string; name: string }[];
  chosenMunicipalities: string[];
}) {
  const { t, format } = usePage();
  const { exercise, form } = props;
  return (
    <>
      <Breadcrumb exercise={exercise} />
      <PageHeading title={t('cocreation.new.title')} lead={t('cocreation.new.lead')} />
      <DiagnosisWindowNote window={props.window} state={props.state} />
      {props.state !== 'open' ? (
        <p>
          <a href={problemsPath(exercise.slug)}>{t('cocreation.new.seeProblems')}</a>
        </p>
      ) : props.proposer === 'signedOut' ? (
        <div class="panel">
          <p>{t('cocreation.new.signIn')}</p>
          <ButtonLink href={`/entrar?siguiente=${encodeURIComponent(newProblemPath(exercise.slug))}`}>
            {t('cocreation.new.signInAction')}
          </ButtonLink>
        </div>
      ) : props.proposer === 'unconfirmed' ? (
        <div class="panel">
          <p>{t('cocreation.new.unconfirmed')}</p>
        </div>
      ) : (
        <form method="post" action={problemsPath(exercise.slug)} novalidate class="form-narrow">
          <ErrorSummary errors={form.summary} />
          <CsrfField />
          <TextField
            id="title"
            name="title"
            label={t('cocreation.field.title')}
            hint={t('cocreation.field.titleHint')}
            value={form.values.title}
            error={form.errors.title}
            maxLength={PROBLEM_TITLE_MAX}
          />
          <TextArea
            id="description"
            name="description"
            label={t('cocreation.field.description')}
            hint={t('cocreation.field.descriptionHint', { max: format.number(PROBLEM_DESCRIPTION_MAX) })}
            value={form.values.description}
            error={form.errors.description}
            rows={8}
            maxLength={PROBLEM_DESCRIPTION_MAX}
          />
          <TextField
            id="evidenceUrl"
            name="evidenceUrl"
            type="url"
            label={t('cocreation.field.evidence')}
            hint={t('cocreation.field.evidenceHint')}
            value={form.values.evidenceUrl}
            error={form.errors.evidenceUrl}
            isOptional
            maxLength={500}
          />
          <SelectField
            id="theme"
            name="theme"
            label={t('cocreation.field.theme')}
            value={form.values.theme ?? ''}
            error={form.errors.theme}
            options={[
              { value: '', label: t('cocreation.field.themeChoose') },
              ...problemThemes.map((theme) => ({ value: theme, label: t(`cocreation.theme.${theme}`) })),
            ]}
          />
          <div class={form.errors.municipalities ? 'field field--error' : 'field'}>
            <fieldset
              class="fieldset"
              aria-describedby={
                form.errors.municipalities ? 'municipalities-hint municipalities-error' : 'municipalities-hint'
              }
            >
              <legend class="field__label">{t('cocreation.field.municipalities')}</legend>
              <p class="field__hint" id="municipalities-hint">
                {t('cocreation.field.municipalitiesHint')}
              </p>
              {form.errors.municipalities ? (
                <p class="field__error" id="municipalities-error">
                  <span class="visually-hidden">{t('status.error')}: </span>
                  {form.errors.municipalities}
                </p>
              ) : null}
              {props.municipalities.map((m, index) => (
                <div class="choice" key={m.cvegeo}>
                  <input
                    class="choice__input"
                    type="checkbox"
                    id={index === 0 ? 'municipalities' : `municipalities-${m.cvegeo}`}
                    name="municipalities"
                    value={m.cvegeo}
                    checked={props.chosenMunicipalities.includes(m.cvegeo)}
                  />
                  <label class="choice__label" for={index === 0 ? 'municipalities' : `municipalities-${m.cvegeo}`}>
                    {m.name}
                  </label>
                </div>
              ))}
            </fieldset>
          </div>
          <Button>{t('cocreation.new.continue')}</Button>
        </form>
      )}
    </>
  );
}

/**
 * Before a problem is published: the similar ones already raised, each with "support this one instead", and the
 * draft carried in hidden fields to publish it anyway or go back and edit it.
 */
export function SimilarProblemsPage(props: {
  exercise: ExerciseRef;
  similar: SimilarProblem[];
  values: Record<string, string>;
  chosenMunicipalities: string[];
}) {
  const { t, format } = usePage();
  const { exercise } = props;
  const hidden = (
    <>
      <CsrfField />
      {problemFormFields.map((field) => (
        <input key={field} type="hidden" name={field} value={props.values[field] ?? ''} />
      ))}
      {props.chosenMunicipalities.map((cvegeo) => (
        <input key={cvegeo} type="hidden" name="municipalities" value={cvegeo} />
      ))}
    </>
  );
  return (
    <>
      <Breadcrumb exercise={exercise} />
      <PageHeading title={t('cocreation.similar.title')} lead={t('cocreation.similar.lead')} />
      <ol class="plain-list" aria-label={t('cocreation.similar.listLabel')}>
        {props.similar.map((problem) => (
          <li key={problem.id}>
            <article class="card">
              <h2 class="card__title">
                <a href={problemPath(exercise.slug, problem.number)}>
                  {t('cocreation.problem.heading', { number: problem.number, title: problem.title })}
                </a>
              </h2>
              <div class="card__meta">
                <ProblemStatusBadge status={problem.status} />{' '}
                {problem.supports === 1
                  ? t('cocreation.supports.one')
                  : t('cocreation.supports.count', { count: format.number(problem.supports) })}
              </div>
              <form method="post" action={`${problemPath(exercise.slug, problem.number)}/apoyo`} class="inline-form">
                <CsrfField />
                <Button variant="secondary">
                  {t('cocreation.similar.supportInstead', { number: problem.number })}
                </Button>
              </form>
            </article>
          </li>
        ))}
      </ol>
      <h2>{t('cocreation.similar.yoursTitle')}</h2>
      <p class="prewrap">
        <strong>{props.values.title}</strong>
      </p>
      <form method="post" action={problemsPath(exercise.slug)} class="inline-form">
        {hidden}
        <input type="hidden" name="confirmado" value="si" />
        <Button>{t('cocreation.similar.publishAnyway')}</Button>
      </form>
      <form method="post" action={problemsPath(exercise.slug)} class="inline-form">
        {hidden}
        <input type="hidden" name="editar" value="si" />
        <Button variant="secondary">{t('cocreation.similar.edit')}</Button>
      </form>
    </>
  );
}
