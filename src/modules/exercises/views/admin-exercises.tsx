import {
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  SelectField,
  Table,
  TextArea,
  TextField,
} from '../../../web/components/index.js';
import type { FormState } from '../../../web/forms.js';
import { usePage } from '../../../web/page-context.js';
import { phases, type Phase } from '../schema.js';

export interface AdminExerciseRow {
  id: string;
  title: string;
  phase: Phase;
  /** What the planned calendar says today (undefined: no planned phase has started). */
  calendarPhase: Phase | undefined;
  phaseReason: string | null;
  phaseMovedOn: string | null;
}

/** Every exercise with its phase and the one its calendar gives today, each with a link to move it by hand. */
export function AdminExercisesPage(props: { exercises: AdminExerciseRow[]; notice?: string | undefined }) {
  const { t, format } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[{ href: '/admin', label: t('accounts.admin.title') }, { label: t('exercises.admin.title') }]}
      />
      <PageHeading title={t('exercises.admin.title')} lead={t('exercises.admin.lead')} />
      <Notices notice={props.notice} />
      <Table
        stack
        caption={t('exercises.admin.caption')}
        rows={props.exercises}
        rowKey={(e) => e.id}
        columns={[
          { header: t('exercises.admin.exercise'), cell: (e) => e.title, isPrimary: true },
          {
            header: t('exercises.admin.phase'),
            cell: (e) => (
              <>
                {t(`phase.${e.phase}`)}
                {e.phaseMovedOn && e.phaseReason ? (
                  <p class="hint">
                    {t('exercises.admin.byHand', {
                      date: format.calendarDate(e.phaseMovedOn),
                      reason: e.phaseReason,
                    })}
                  </p>
                ) : null}
              </>
            ),
          },
          {
            header: t('exercises.admin.calendar'),
            cell: (e) =>
              e.calendarPhase === undefined
                ? t('exercises.admin.noCalendar')
                : e.calendarPhase === e.phase
                  ? t('exercises.admin.samePhase')
                  : t(`phase.${e.calendarPhase}`),
          },
          {
            header: t('exercises.admin.move'),
            cell: (e) => (
              <a href={`/admin/ejercicios/${e.id}/etapa`}>
                {t('exercises.admin.move')}
                <span class="visually-hidden">: {e.title}</span>
              </a>
            ),
          },
          {
            header: t('exercises.admin.dates'),
            cell: (e) => (
              <a href={`/admin/ejercicios/${e.id}/fechas`}>
                {t('exercises.admin.dates')}
                <span class="visually-hidden">: {e.title}</span>
              </a>
            ),
          },
        ]}
      />
    </>
  );
}

/** Moving an exercise to another phase by hand, with the reason the public history will show. */
export function MovePhasePage(props: { exercise: { id: string; title: string; phase: Phase }; form: FormState }) {
  const { t } = usePage();
  const { exercise, form } = props;
  const title = t('exercises.move.title', { title: exercise.title });
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: t('accounts.admin.title') },
          { href: '/admin/ejercicios', label: t('exercises.admin.title') },
          { label: title },
        ]}
      />
      <PageHeading title={title} lead={t('exercises.move.lead')} />
      <p>{t('exercises.move.current', { phase: t(`phase.${exercise.phase}`) })}</p>
      <form method="post" action={`/admin/ejercicios/${exercise.id}/etapa`} novalidate class="form-narrow">
        <ErrorSummary errors={form.summary} />
        <CsrfField />
        <SelectField
          id="phase"
          name="phase"
          label={t('exercises.move.phase')}
          value={form.values.phase ?? exercise.phase}
          error={form.errors.phase}
          options={phases.map((phase) => ({ value: phase, label: t(`phase.${phase}`) }))}
        />
        <TextArea
          id="reason"
          name="reason"
          label={t('exercises.move.reason')}
          value={form.values.reason}
          error={form.errors.reason}
          rows={3}
          maxLength={1000}
        />
        <div class="actions">
          <Button>{t('exercises.move.submit')}</Button>
          <ButtonLink href="/admin/ejercicios" variant="secondary">
            {t('exercises.move.back')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}

/**
 * Planning the dates of one phase of an exercise (the diagnosis opens and closes by them): the planned calendar, then
 * the form.
 */
export function PhaseDatesPage(props: {
  exercise: { id: string; title: string };
  timeline: { phase: Phase; startsOn: string; endsOn: string | null }[];
  form: FormState;
}) {
  const { t, format } = usePage();
  const { exercise, form } = props;
  const title = t('exercises.dates.title', { title: exercise.title });
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: t('accounts.admin.title') },
          { href: '/admin/ejercicios', label: t('exercises.admin.title') },
          { label: title },
        ]}
      />
      <PageHeading title={title} lead={t('exercises.dates.lead')} />
      {props.timeline.length === 0 ? (
        <p>{t('exercises.admin.noCalendar')}</p>
      ) : (
        <Table
          caption={t('exercises.dates.caption')}
          rows={props.timeline}
          rowKey={(row) => row.phase}
          columns={[
            { header: t('exercises.move.phase'), cell: (row) => t(`phase.${row.phase}`) },
            { header: t('exercises.dates.startsOn'), cell: (row) => format.calendarDate(row.startsOn) },
            {
              header: t('exercises.dates.endsOn'),
              cell: (row) => (row.endsOn ? format.calendarDate(row.endsOn) : t('exercises.dates.noEnd')),
            },
          ]}
        />
      )}
      <form method="post" action={`/admin/ejercicios/${exercise.id}/fechas`} novalidate class="form-narrow">
        <ErrorSummary errors={form.summary} />
        <CsrfField />
        <SelectField
          id="phase"
          name="phase"
          label={t('exercises.dates.phase')}
          value={form.values.phase ?? 'diagnosis'}
          error={form.errors.phase}
          options={phases.map((phase) => ({ value: phase, label: t(`phase.${phase}`) }))}
        />
        <TextField
          id="startsOn"
          name="startsOn"
          type="date"
          label={t('exercises.dates.startsOn')}
          value={form.values.startsOn}
          error={form.errors.startsOn}
        />
        <TextField
          id="endsOn"
          name="endsOn"
          type="date"
          isOptional
          label={t('exercises.dates.endsOn')}
          hint={t('exercises.dates.endsOnHint')}
          value={form.values.endsOn}
          error={form.errors.endsOn}
        />
        <div class="actions">
          <Button>{t('exercises.dates.submit')}</Button>
          <ButtonLink href="/admin/ejercicios" variant="secondary">
            {t('exercises.move.back')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
