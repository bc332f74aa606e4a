import {
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  Table,
} from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import type { AdminMilestone } from '../get-plan-for-admin.js';
import { ActivityStatusBadge } from '../../core/views/plan-badges.js';
import type { FormState } from '../../../../web/forms.js';
import { ActivityFieldsView, MilestoneFieldsView, type Option } from './form-parts.js';

export interface MilestoneAdminForms {
  fields: FormState;
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
                    <>
                      <a href={`/admin/actividades/${a.id}/cancelar`}>
                        {t('plan.admin.cancelActivity')}
                        <span class="visually-hidden">: {a.title}</span>
                      </a>{' '}
                      ·{' '}
                    </>
                  ) : null}
                  <a href={`/admin/actividades/${a.id}/borrar`}>
                    {t('plan.admin.deleteActivity')}
                    <span class="visually-hidden">: {a.title}</span>
                  </a>
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
      <section class="form-section" aria-labelledby="remove-heading">
        <h2 id="remove-heading">{t('plan.admin.remove.heading')}</h2>
        <p>{t('plan.admin.deleteMilestoneLead')}</p>
        <div class="actions">
          {m.cancelledAt ? null : (
            <ButtonLink href={`/admin/hitos/${m.id}/cancelar`} variant="secondary">
              {t('plan.admin.cancelMilestone')}
            </ButtonLink>
          )}
          <ButtonLink href={`/admin/hitos/${m.id}/borrar`} variant="warning">
            {t('plan.admin.deleteMilestone')}
          </ButtonLink>
        </div>
      </section>
    </>
  );
}
