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
} from '../../../../web/components/index.js';
import type { FormState } from '../../../../web/forms.js';
import { usePage } from '../../../../web/page-context.js';
import type { DiagnosisWindow, WindowState } from '../../diagnosis-window.js';
import { proposalPath, proposalsPath } from '../../paths.js';
import type { ExerciseRef } from '../../views/problems-page.js';
import { PROPOSAL_DESCRIPTION_MAX, PROPOSAL_TITLE_MAX } from '../submit-proposal.js';

/** Who is at the form: staff recording one, a person who may propose, or why they may not (yet). */
export type ProposalFormMode = 'record' | 'propose' | 'edit' | 'signedOut' | 'unconfirmed' | 'closed';

/** The fields of the proposal form. */
export const proposalFormFields = ['problemNumber', 'title', 'description'] as const;

/**
 * The proposal form: a person proposing a solution during co-creation, staff recording one from a table or on paper,
 * or staff editing one; or why it cannot be used now.
 */
export function ProposalFormPage(props: {
  exercise: ExerciseRef;
  mode: ProposalFormMode;
  window: DiagnosisWindow | undefined;
  state: WindowState;
  /** The admitted problems a proposal may answer. */
  problems: { number: number; title: string }[];
  form: FormState;
  /** When editing: the proposal's number. */
  editing?: number;
}) {
  const { t, format } = usePage();
  const { exercise, mode, form } = props;
  const title =
    mode === 'edit'
      ? t('cocreation.proposalForm.editTitle', { number: props.editing ?? 0 })
      : t('cocreation.proposalForm.title');
  const action =
    mode === 'edit' && props.editing
      ? `${proposalPath(exercise.slug, props.editing)}/editar`
      : proposalsPath(exercise.slug);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { href: proposalsPath(exercise.slug), label: t('cocreation.proposals.title') },
          { label: title },
        ]}
      />
      <PageHeading
        title={title}
        lead={t(mode === 'record' ? 'cocreation.proposalForm.recordLead' : 'cocreation.proposalForm.lead')}
      />
      {mode === 'closed' ? (
        <p class="phase-now">
          {!props.window || props.state === 'unplanned'
            ? t('cocreation.proposalForm.unplanned')
            : props.state === 'upcoming'
              ? t('cocreation.proposalForm.upcoming', { start: format.calendarDate(props.window.startsOn) })
              : t('cocreation.proposalForm.closed', {
                  end: format.calendarDate(props.window.endsOn ?? props.window.startsOn),
                })}
        </p>
      ) : mode === 'signedOut' ? (
        <div class="panel">
          <p>{t('cocreation.proposalForm.signIn')}</p>
          <ButtonLink href={`/entrar?siguiente=${encodeURIComponent(`${proposalsPath(exercise.slug)}/nueva`)}`}>
            {t('cocreation.new.signInAction')}
          </ButtonLink>
        </div>
      ) : mode === 'unconfirmed' ? (
        <div class="panel">
          <p>{t('cocreation.new.unconfirmed')}</p>
        </div>
      ) : props.problems.length === 0 && mode !== 'edit' ? (
        <p>{t('cocreation.proposalForm.noProblems')}</p>
      ) : (
        <form method="post" action={action} novalidate class="form-narrow">
          <ErrorSummary errors={form.summary} />
          <CsrfField />
          <SelectField
            id="problemNumber"
            name="problemNumber"
            label={t('cocreation.proposalForm.problem')}
            value={form.values.problemNumber ?? ''}
            error={form.errors.problemNumber}
            options={[
              { value: '', label: t('cocreation.proposalForm.problemChoose') },
              ...props.problems.map((problem) => ({
                value: String(problem.number),
                label: t('cocreation.problem.heading', { number: problem.number, title: problem.title }),
              })),
            ]}
          />
          <TextField
            id="title"
            name="title"
            label={t('cocreation.proposalForm.titleLabel')}
            hint={t('cocreation.proposalForm.titleHint')}
            value={form.values.title}
            error={form.errors.title}
            maxLength={PROPOSAL_TITLE_MAX}
          />
          <TextArea
            id="description"
            name="description"
            label={t('cocreation.proposalForm.description')}
            hint={t('cocreation.proposalForm.descriptionHint', { max: format.number(PROPOSAL_DESCRIPTION_MAX) })}
            value={form.values.description}
            error={form.errors.description}
            rows={8}
            maxLength={PROPOSAL_DESCRIPTION_MAX}
          />
          <Button>{t(mode === 'edit' ? 'cocreation.proposalForm.save' : 'cocreation.proposalForm.submit')}</Button>
        </form>
      )}
    </>
  );
}
