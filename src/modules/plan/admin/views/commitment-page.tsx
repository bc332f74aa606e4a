import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  SelectField,
  Table,
  TextField,
} from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { plainStatusChanges } from '../change-commitment-status.js';
import type { AdminCommitment } from '../get-plan-for-admin.js';
import { nextStatuses } from '../transition-commitment.js';
import { editableStatuses } from '../update-commitment.js';
import { commitmentHref } from '../../core/views/plan-page.js';
import { isPublicCommitment, isPublicPlanStatus } from '../../core/visibility.js';
import { CommitmentStatusBadge, Percent } from '../../core/views/plan-badges.js';
import type { FormState } from '../../../../web/forms.js';
import { CommitmentForm } from './commitment-form.js';
import { MilestoneFieldsView, NotPublic, type Option } from './form-parts.js';

export interface CommitmentAdminForms {
  fields: FormState;
  status: FormState;
  milestone: FormState;
}

export function AdminCommitmentPage(props: {
  data: AdminCommitment;
  forms: CommitmentAdminForms;
  institutions: Option[];
  municipalities: Option[];
  selected: string[];
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t } = usePage();
  const { commitment: c, plan, exerciseSlug, milestones } = props.data;
  const next = nextStatuses[c.status];
  const plain = next.filter((s) => (plainStatusChanges as readonly string[]).includes(s));
  const { status } = props.forms;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin/plan', label: t('plan.admin.plans') },
          { href: `/admin/plan/${plan.id}`, label: plan.title },
          { label: t('plan.commitment.crumb', { number: c.number }) },
        ]}
      />
      <PageHeading title={t('plan.commitment.title', { number: c.number, title: c.title })}>
        <p>
          <CommitmentStatusBadge status={c.status} />{' '}
          {isPublicCommitment(c, plan) ? (
            <a href={commitmentHref(exerciseSlug, c.number)}>{t('plan.admin.publicPage')}</a>
          ) : null}
        </p>
        {isPublicCommitment(c, plan) ? null : (
          <NotPublic
            hint={t(
              isPublicPlanStatus(plan.status)
                ? 'plan.admin.notPublic.commitment'
                : 'plan.admin.notPublic.planOfCommitment',
            )}
          />
        )}
      </PageHeading>
      <Notices notice={props.notice} problem={props.problem} />

      <section aria-labelledby="status-heading" class="form-section">
        <h2 id="status-heading">{t('plan.admin.status')}</h2>
        <ErrorSummary errors={status.summary} />
        {next.includes('proposed') ? (
          <form method="post" action={`/admin/compromisos/${c.id}/estado`}>
            <CsrfField />
            <input type="hidden" name="action" value="propose" />
            <p>{t('plan.admin.proposeLead')}</p>
            <Button variant="secondary">{t('plan.admin.propose')}</Button>
          </form>
        ) : null}
        {next.includes('approved') || next.includes('under_modification') ? (
          <form method="post" action={`/admin/compromisos/${c.id}/estado`} novalidate>
            <CsrfField />
            <input type="hidden" name="action" value={next.includes('approved') ? 'approve' : 'modify'} />
            <TextField
              id="agreementId"
              name="agreementId"
              label={t(next.includes('approved') ? 'plan.admin.approvalAgreement' : 'plan.admin.modificationAgreement')}
              hint={t('plan.admin.field.agreementHint')}
              value={status.values.agreementId}
              error={status.errors.agreementId}
            />
            <Button variant="secondary">
              {t(next.includes('approved') ? 'plan.admin.approve' : 'plan.admin.modify')}
            </Button>
          </form>
        ) : null}
        {plain.length ? (
          <form method="post" action={`/admin/compromisos/${c.id}/estado`} novalidate>
            <CsrfField />
            <input type="hidden" name="action" value="status" />
            <SelectField
              id="status"
              name="status"
              label={t('plan.admin.newStatus')}
              value={status.values.status}
              options={plain.map((s) => ({ value: s, label: t(`plan.commitmentStatus.${s}`) }))}
            />
            <TextField
              id="note"
              name="note"
              isOptional
              label={t('plan.admin.statusNote')}
              value={status.values.note}
              error={status.errors.note}
            />
            <Button variant="secondary">{t('plan.admin.changeStatus')}</Button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t('plan.milestones.title')}</h2>
        <Table
          caption={t('plan.admin.milestonesCaption')}
          columns={[
            {
              header: t('plan.admin.field.title'),
              cell: (m: (typeof milestones)[number]) => <a href={`/admin/hitos/${m.id}`}>{m.title}</a>,
            },
            { header: t('plan.milestone.weight'), cell: (m) => m.weight, isNumeric: true },
            {
              header: t('plan.table.progress'),
              cell: (m) => (m.cancelledAt ? t('plan.milestone.cancelled') : <Percent value={m.progress} />),
              isNumeric: true,
            },
          ]}
          rows={milestones}
          rowKey={(m) => m.id}
        />
        <form method="post" action={`/admin/compromisos/${c.id}/hitos`} novalidate class="form-section">
          <CsrfField />
          <h3>{t('plan.admin.newMilestone')}</h3>
          <ErrorSummary errors={props.forms.milestone.summary} />
          <MilestoneFieldsView form={props.forms.milestone} institutions={props.institutions} withActual={false} />
          <Button variant="secondary">{t('plan.admin.addMilestone')}</Button>
        </form>
      </section>

      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">{t('plan.commitment.template')}</h2>
        {editableStatuses.includes(c.status) ? (
          <CommitmentForm
            action={`/admin/compromisos/${c.id}`}
            form={props.forms.fields}
            institutions={props.institutions}
            municipalities={props.municipalities}
            selected={props.selected}
            submit={t('plan.admin.save')}
          />
        ) : (
          <p>{t('plan.admin.notEditable')}</p>
        )}
      </section>
    </>
  );
}
