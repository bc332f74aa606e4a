import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  Table,
  TextField,
} from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import type { AdminMilestone } from '../get-plan-for-admin.js';
import { ActivityStatusBadge } from '../../core/views/plan-badges.js';
import type { FormState } from '../../../../web/forms.js';
import { ActivityFieldsView, MilestoneFieldsView, type Option } from './form-parts.js';

export interface MilestoneAdminForms {
  fields: FormState;
  cancel: FormState;
  activity: FormState;
}

export function AdminMilestonePage(props: {
  data: AdminMilestone;
  forms: MilestoneAdminForms;
  institutions: Option[];
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t } = usePage();
  const { milestone: m, commitment, activities } = props.data;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin/plan', label: t('plan.admin.plans') },
          {
            href: `/admin/compromisos/${commitment.id}`,
            label: t('plan.commitment.crumb', { number: commitment.number }),
          },
          { label: m.title },
        ]}
      />
      <PageHeading
        title={m.title}
        lead={t('plan.commitment.title', { number: commitment.number, title: commitment.title })}
      />
      <Notices notice={props.notice} problem={props.problem} />
      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">{t('plan.activities.title')}</h2>
        <Table
          caption={t('plan.admin.activitiesCaption')}
          columns={[
            {
              header: t('plan.admin.field.title'),
              cell: (a: (typeof activities)[number]) => <a href={`/actividades/${a.id}`}>{a.title}</a>,
            },
            { header: t('plan.table.status'), cell: (a) => <ActivityStatusBadge status={a.status} /> },
            {
              header: t('plan.admin.actions'),
              cell: (a) => (
                <>
                  {a.status !== 'cancelled' && a.status !== 'verified' ? (
                    <form method="post" action={`/admin/actividades/${a.id}/cancelar`} class="inline-form">
                      <CsrfField />
                      <label class="visually-hidden" for={`cancel-${a.id}`}>
                        {t('plan.admin.cancelReason')}
                      </label>
                      <input
                        class="field__input"
                        id={`cancel-${a.id}`}
                        name="reason"
                        required
                        placeholder={t('plan.admin.cancelReason')}
                      />
                      <Button variant="secondary">{t('plan.admin.cancelActivity')}</Button>
                    </form>
                  ) : null}
                  <form method="post" action={`/admin/actividades/${a.id}/borrar`} class="inline-form">
                    <CsrfField />
                    <Button variant="warning">{t('plan.admin.deleteActivity')}</Button>
                  </form>
                </>
              ),
            },
          ]}
          rows={activities}
          rowKey={(a) => a.id}
        />
        <form method="post" action={`/admin/hitos/${m.id}/actividades`} novalidate class="form-section">
          <CsrfField />
          <h3>{t('plan.admin.newActivity')}</h3>
          <ErrorSummary errors={props.forms.activity.summary} />
          <ActivityFieldsView form={props.forms.activity} institutions={props.institutions} />
          <Button variant="secondary">{t('plan.admin.addActivity')}</Button>
        </form>
      </section>
      <form method="post" action={`/admin/hitos/${m.id}`} novalidate class="form-section">
        <CsrfField />
        <h2>{t('plan.admin.editMilestone')}</h2>
        <ErrorSummary errors={props.forms.fields.summary} />
        <MilestoneFieldsView form={props.forms.fields} institutions={props.institutions} withActual />
        <Button>{t('plan.admin.save')}</Button>
      </form>
      {m.cancelledAt ? null : (
        <form method="post" action={`/admin/hitos/${m.id}/cancelar`} novalidate class="form-section">
          <CsrfField />
          <h2>{t('plan.admin.cancelMilestone')}</h2>
          <ErrorSummary errors={props.forms.cancel.summary} />
          <TextField
            id="reason"
            name="reason"
            label={t('plan.admin.cancelReason')}
            value={props.forms.cancel.values.reason}
            error={props.forms.cancel.errors.reason}
          />
          <Button variant="warning">{t('plan.admin.cancelMilestone')}</Button>
        </form>
      )}
      <form method="post" action={`/admin/hitos/${m.id}/borrar`} class="form-section">
        <CsrfField />
        <h2>{t('plan.admin.deleteMilestone')}</h2>
        <p>{t('plan.admin.deleteMilestoneLead')}</p>
        <Button variant="warning">{t('plan.admin.deleteMilestone')}</Button>
      </form>
    </>
  );
}
