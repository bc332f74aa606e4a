import {
  Alert,
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  PageHeading,
  TextArea,
} from '../../../../web/components/index.js';
import type { FormState } from '../../../../web/forms.js';
import { usePage } from '../../../../web/page-context.js';
import type { RemovalImpact } from '../removal.js';

export type RemovalAction = 'delete' | 'cancel';

/** Where a removal's form posts: /admin/hitos/:id/borrar, /admin/actividades/:id/cancelar... */
export const removalPath = (impact: Pick<RemovalImpact, 'recordType' | 'id'>, action: RemovalAction) =>
  `/admin/${impact.recordType === 'milestone' ? 'hitos' : 'actividades'}/${impact.id}/${action === 'delete' ? 'borrar' : 'cancelar'}`;

/** What a deletion takes with it, counted. */
function WhatIsLost(props: { impact: RemovalImpact }) {
  const { t, format } = usePage();
  const { impact } = props;
  const rows = [
    ...(impact.recordType === 'milestone' ? [[t('plan.admin.remove.activities'), impact.activities] as const] : []),
    [t('plan.admin.remove.evidence'), impact.evidence] as const,
    [t('plan.admin.remove.files'), impact.files] as const,
    [t('plan.admin.remove.notes'), impact.notes] as const,
  ];
  return (
    <dl class="meta-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{format.number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The confirmation page of deleting or cancelling a milestone or an activity (works without JavaScript): what will be
 * lost, whether a reason is required and where it will be published, then the form that does it.
 */
export function RemovalPage(props: { impact: RemovalImpact; action: RemovalAction; form: FormState }) {
  const { t } = usePage();
  const { impact, action, form } = props;
  const kind = impact.recordType === 'milestone' ? 'Milestone' : 'Activity';
  const verb = action === 'delete' ? 'delete' : 'cancel';
  const title = t(`plan.admin.remove.${verb}${kind}Title`, { title: impact.title });
  const needsReason = action === 'cancel' || impact.isApproved;
  const commitment = impact.commitment;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin/plan', label: t('plan.admin.plans') },
          {
            href: `/admin/compromisos/${commitment.id}`,
            label: t('plan.commitment.crumb', { number: commitment.number }),
          },
          { href: `/admin/hitos/${impact.milestone.id}`, label: impact.milestone.title },
          { label: title },
        ]}
      />
      <PageHeading
        title={title}
        lead={t('plan.commitment.title', { number: commitment.number, title: commitment.title })}
      />
      <Alert kind="warning" title={t(`plan.admin.remove.${verb}Warning`)}>
        <p>{t(`plan.admin.remove.${verb}${kind}Lead`)}</p>
        {action === 'delete' ? <WhatIsLost impact={impact} /> : null}
        <p>
          {action === 'cancel'
            ? t('plan.admin.remove.cancelPublic')
            : impact.isApproved
              ? t('plan.admin.remove.approved', { number: commitment.number })
              : t('plan.admin.remove.draft', {
                  number: commitment.number,
                  status: t(`plan.commitmentStatus.${commitment.status}`),
                })}
        </p>
      </Alert>
      <form method="post" action={removalPath(impact, action)} novalidate class="form-narrow">
        <CsrfField />
        <ErrorSummary errors={form.summary} />
        <TextArea
          id="reason"
          name="reason"
          label={t(action === 'cancel' ? 'plan.admin.cancelReason' : 'plan.admin.remove.deleteReason')}
          hint={t(needsReason ? 'plan.admin.remove.reasonPublic' : 'plan.admin.remove.reasonOptional')}
          value={form.values.reason}
          error={form.errors.reason}
          isOptional={!needsReason}
          maxLength={2000}
          rows={3}
        />
        <div class="actions">
          <Button variant="warning">{t(`plan.admin.remove.${verb}Confirm`)}</Button>
          <ButtonLink href={`/admin/hitos/${impact.milestone.id}`} variant="secondary">
            {t('plan.admin.remove.back')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
