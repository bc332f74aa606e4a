import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  SelectField,
  Table,
} from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import type { AdminPlan, listPlansForAdmin } from '../get-plan-for-admin.js';
import { isPublicPlanStatus } from '../../core/visibility.js';
import { CommitmentStatusBadge, Percent, PlanStatusBadge } from '../../core/views/plan-badges.js';
import type { FormState } from '../../../../web/forms.js';
import { CommitmentForm } from './commitment-form.js';
import { NotPublic, PlanFields, type Option } from './form-parts.js';

export function AdminPlansPage(props: {
  rows: Awaited<ReturnType<typeof listPlansForAdmin>>;
  form: FormState;
  formExerciseId?: string | undefined;
}) {
  const { t } = usePage();
  const without = props.rows.filter((r) => !r.plan);
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin', label: t('plan.admin.crumb') }, { label: t('plan.admin.plans') }]} />
      <PageHeading title={t('plan.admin.plans')} lead={t('plan.admin.plansLead')} />
      <Table
        caption={t('plan.admin.plansCaption')}
        columns={[
          { header: t('plan.admin.exercise'), cell: (r: (typeof props.rows)[number]) => r.exercise.title },
          {
            header: t('plan.admin.plan'),
            cell: (r) => (r.plan ? <a href={`/admin/plan/${r.plan.id}`}>{r.plan.title}</a> : t('plan.admin.noPlan')),
          },
          { header: t('plan.table.status'), cell: (r) => (r.plan ? <PlanStatusBadge status={r.plan.status} /> : '—') },
          {
            header: t('plan.table.progress'),
            cell: (r) => (r.plan ? <Percent value={r.plan.progress} /> : '—'),
            isNumeric: true,
          },
        ]}
        rows={props.rows}
        rowKey={(r) => r.exercise.id}
      />
      {without.length ? (
        <form method="post" action="/admin/plan" novalidate class="form-section">
          <CsrfField />
          <h2>{t('plan.admin.newPlan')}</h2>
          <ErrorSummary errors={props.form.summary} />
          <SelectField
            id="exerciseId"
            name="exerciseId"
            label={t('plan.admin.exercise')}
            value={props.form.values.exerciseId}
            options={without.map((r) => ({ value: r.exercise.id, label: r.exercise.title }))}
          />
          <PlanFields form={props.form} withStatus={false} />
          <Button>{t('plan.admin.createPlan')}</Button>
        </form>
      ) : null}
    </>
  );
}

export function AdminPlanPage(props: { data: AdminPlan; form: FormState; notice?: string | undefined }) {
  const { t } = usePage();
  const { plan, exercise, commitments } = props.data;
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/plan', label: t('plan.admin.plans') }, { label: plan.title }]} />
      <PageHeading title={plan.title} lead={exercise.title}>
        {isPublicPlanStatus(plan.status) ? (
          <p>
            <a href={`/ejercicios/${exercise.slug}/plan`}>{t('plan.admin.publicPage')}</a>
          </p>
        ) : (
          <NotPublic hint={t('plan.admin.notPublic.plan')} />
        )}
      </PageHeading>
      <Notices notice={props.notice} />
      <section aria-labelledby="commitments-heading">
        <h2 id="commitments-heading">{t('plan.page.commitments')}</h2>
        <p>
          <a class="button button--secondary" href={`/admin/plan/${plan.id}/compromisos/nuevo`}>
            {t('plan.admin.newCommitment')}
          </a>
        </p>
        <Table
          caption={t('plan.table.caption')}
          columns={[
            { header: t('plan.table.number'), cell: (c: (typeof commitments)[number]) => c.number },
            { header: t('plan.table.commitment'), cell: (c) => <a href={`/admin/compromisos/${c.id}`}>{c.title}</a> },
            { header: t('plan.table.status'), cell: (c) => <CommitmentStatusBadge status={c.status} /> },
            { header: t('plan.table.progress'), cell: (c) => <Percent value={c.progress} />, isNumeric: true },
          ]}
          rows={commitments}
          rowKey={(c) => c.id}
        />
      </section>
      <form method="post" action={`/admin/plan/${plan.id}`} novalidate class="form-section">
        <CsrfField />
        <h2>{t('plan.admin.editPlan')}</h2>
        <ErrorSummary errors={props.form.summary} />
        <PlanFields form={props.form} withStatus />
        <Button>{t('plan.admin.save')}</Button>
      </form>
    </>
  );
}

export function NewCommitmentPage(props: {
  plan: { id: string; title: string };
  form: FormState;
  institutions: Option[];
  municipalities: Option[];
  selected: string[];
}) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin/plan', label: t('plan.admin.plans') },
          { href: `/admin/plan/${props.plan.id}`, label: props.plan.title },
          { label: t('plan.admin.newCommitment') },
        ]}
      />
      <PageHeading title={t('plan.admin.newCommitment')} lead={t('plan.admin.newCommitmentLead')} />
      <CommitmentForm
        action={`/admin/plan/${props.plan.id}/compromisos/nuevo`}
        form={props.form}
        institutions={props.institutions}
        municipalities={props.municipalities}
        selected={props.selected}
        submit={t('plan.admin.createCommitment')}
      />
    </>
  );
}
