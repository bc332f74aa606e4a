import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  PageHeading,
  TextArea,
  TextField,
} from '../../../../web/components/index.js';
import type { FormState } from '../../../../web/forms.js';
import { usePage } from '../../../../web/page-context.js';
import { tablesPath } from '../../paths.js';
import type { ExerciseRef } from '../../views/problems-page.js';

/** The fields of the table form (the problems are sent once per ticked box). */
export const tableFormFields = [
  'title',
  'startsDate',
  'startsTime',
  'durationMinutes',
  'place',
  'onlineUrl',
  'facilitator',
  'capacity',
  'materials',
] as const;

/** Staff schedule a co-creation table: its problems, when, where, who facilitates, capacity and materials. */
export function NewTablePage(props: {
  exercise: ExerciseRef;
  problems: { number: number; title: string }[];
  chosen: string[];
  form: FormState;
  zone: string;
}) {
  const { t } = usePage();
  const { exercise, form } = props;
  const chosen = new Set(props.chosen);
  const field = (name: (typeof tableFormFields)[number]) => ({
    id: `table-${name}`,
    name,
    value: form.values[name],
    error: form.errors[name],
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { href: tablesPath(exercise.slug), label: t('cocreation.tables.title') },
          { label: t('cocreation.tables.schedule') },
        ]}
      />
      <PageHeading title={t('cocreation.tables.schedule')} lead={t('cocreation.tables.scheduleLead')} />
      {props.problems.length === 0 ? (
        <p>{t('cocreation.proposalForm.noProblems')}</p>
      ) : (
        <form method="post" action={tablesPath(exercise.slug)} novalidate class="form-narrow">
          <ErrorSummary errors={form.summary} />
          <CsrfField />
          <TextField {...field('title')} label={t('cocreation.table.title')} maxLength={160} />
          <fieldset class="field" id="table-problemNumbers">
            <legend class="field__label">{t('cocreation.table.problems')}</legend>
            {form.errors.problemNumbers ? <p class="field__error">{form.errors.problemNumbers}</p> : null}
            {props.problems.map((problem) => (
              <div class="choice" key={problem.number}>
                <input
                  class="choice__input"
                  type="checkbox"
                  id={`table-problem-${problem.number}`}
                  name="problemNumbers"
                  value={String(problem.number)}
                  checked={chosen.has(String(problem.number))}
                />
                <label class="choice__label" for={`table-problem-${problem.number}`}>
                  {t('cocreation.problem.heading', { number: problem.number, title: problem.title })}
                </label>
              </div>
            ))}
          </fieldset>
          <TextField {...field('startsDate')} type="date" label={t('cocreation.table.date')} />
          <TextField
            {...field('startsTime')}
            label={t('cocreation.table.time')}
            hint={t('cocreation.table.timeHint', { zone: props.zone })}
            maxLength={5}
          />
          <TextField {...field('durationMinutes')} label={t('cocreation.table.duration')} maxLength={3} />
          <TextField
            {...field('place')}
            label={t('cocreation.table.place')}
            hint={t('cocreation.table.placeHint')}
            isOptional
            maxLength={300}
          />
          <TextField
            {...field('onlineUrl')}
            type="url"
            label={t('cocreation.table.onlineUrl')}
            isOptional
            maxLength={500}
          />
          <TextField
            {...field('facilitator')}
            label={t('cocreation.table.facilitator')}
            hint={t('cocreation.table.facilitatorHint')}
            maxLength={160}
          />
          <TextField {...field('capacity')} label={t('cocreation.table.capacity')} maxLength={4} />
          <TextArea
            {...field('materials')}
            label={t('cocreation.table.materials')}
            hint={t('cocreation.table.materialsHint')}
            isOptional
            rows={6}
            maxLength={6000}
          />
          <Button>{t('cocreation.tables.scheduleSubmit')}</Button>
        </form>
      )}
    </>
  );
}
