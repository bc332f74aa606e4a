import type { ComponentChildren } from 'preact';
import {
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  PageHeading,
  TextArea,
  Notices,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { CallWithExercise } from '../get-call.js';
import { AdminCallStatus } from './admin-call-status.js';
import type { FormState } from '../../../web/forms.js';

export interface AdminCallPageProps {
  call: CallWithExercise['call'];
  exercise: CallWithExercise['exercise'];
  now: Date;
  /** Sections later modules add to this page (see admin-call-slot.ts), already loaded. */
  sections: ComponentChildren[];
  forms: { cancel: FormState; results: FormState };
  notice?: string | undefined;
  problem?: string | undefined;
}

/** One call for admins: where it stands, what can be done with it now, and what later modules add about it. */
export function AdminCallPage(props: AdminCallPageProps) {
  const { t, format } = usePage();
  const { call, exercise, forms } = props;
  const isEditable = call.status === 'draft' || call.status === 'published';
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { href: '/admin/convocatorias', label: t('calls.admin.title') },
          { label: call.title },
        ]}
      />
      <PageHeading title={call.title} lead={call.summary} />
      <Notices notice={props.notice} problem={props.problem} />
      <dl class="meta-list">
        <div>
          <dt>{t('calls.detail.status')}</dt>
          <dd>
            <AdminCallStatus call={call} now={props.now} />
          </dd>
        </div>
        <div>
          <dt>{t('calls.detail.exercise')}</dt>
          <dd>{exercise.title}</dd>
        </div>
        <div>
          <dt>{t('calls.detail.window')}</dt>
          <dd>
            {t('calls.admin.window', { opens: format.dateTime(call.opensAt), closes: format.dateTime(call.closesAt) })}
          </dd>
        </div>
        <div>
          <dt>{t('calls.detail.contact')}</dt>
          <dd>{call.contactEmail}</dd>
        </div>
      </dl>
      <div class="actions">
        {isEditable ? (
          <ButtonLink href={`/admin/convocatorias/${call.id}/editar`}>{t('calls.detail.edit')}</ButtonLink>
        ) : null}
        <ButtonLink href={`/admin/convocatorias/${call.id}/vista-previa`} variant="secondary">
          {t('calls.detail.preview')}
        </ButtonLink>
        {call.status !== 'draft' ? (
          <ButtonLink href={`/ejercicios/${exercise.slug}/convocatoria`} variant="secondary">
            {t('calls.detail.public')}
          </ButtonLink>
        ) : null}
      </div>

      {call.status === 'draft' ? (
        <section class="panel panel--highlight" aria-labelledby="publish-heading">
          <h2 id="publish-heading">{t('calls.publish.title')}</h2>
          <p>
            {t('calls.publish.body', { opens: format.dateTime(call.opensAt), closes: format.dateTime(call.closesAt) })}
          </p>
          <form method="post" action={`/admin/convocatorias/${call.id}/publicar`}>
            <CsrfField />
            <Button>{t('calls.publish.submit')}</Button>
          </form>
        </section>
      ) : null}

      {call.status === 'closed' ? (
        <section class="panel" aria-labelledby="results-heading">
          <h2 id="results-heading">{t('calls.results.title')}</h2>
          <p>{t('calls.results.body')}</p>
          <form method="post" action={`/admin/convocatorias/${call.id}/resultados`} novalidate>
            <ErrorSummary errors={forms.results.summary} />
            <CsrfField />
            <TextArea
              id="resultsText"
              name="resultsText"
              label={t('calls.results.label')}
              value={forms.results.values.resultsText ?? call.resultsText ?? ''}
              error={forms.results.errors.resultsText}
              rows={8}
              maxLength={10000}
            />
            <Button>{t('calls.results.submit')}</Button>
          </form>
        </section>
      ) : null}

      {props.sections}

      {call.status === 'published' ? (
        <section class="panel" aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t('calls.cancel.title')}</h2>
          <p>{t('calls.cancel.body')}</p>
          <form method="post" action={`/admin/convocatorias/${call.id}/cancelar`} novalidate>
            <ErrorSummary errors={forms.cancel.summary} />
            <CsrfField />
            <TextArea
              id="reason"
              name="reason"
              label={t('calls.cancel.reason')}
              hint={t('calls.cancel.reasonHint')}
              value={forms.cancel.values.reason}
              error={forms.cancel.errors.reason}
              rows={4}
              maxLength={5000}
            />
            <Button variant="warning">{t('calls.cancel.submit')}</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}
