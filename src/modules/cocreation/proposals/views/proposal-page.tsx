import {
  Alert,
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../../web/components/index.js';
import { emptyForm, type FormState } from '../../../../web/forms.js';
import { usePage } from '../../../../web/page-context.js';
import type { RecordHistoryData } from '../../../audit/present-history.js';
import { RecordHistory } from '../../../audit/views/record-history.js';
import type { ParticipationNotice, ParticipationPanel } from '../../../participation/load-participation.js';
import { CommentsSection, FollowButton } from '../../../participation/views/comments-section.js';
import { BecameCommitments, LinkCommitmentForms } from '../../origins/views/became-commitments.js';
import { problemPath, proposalPath, proposalsPath } from '../../paths.js';
import { EXPLANATION_MAX } from '../../reasoned-decision.js';
import { proposalOutcomes, reasonCodes } from '../../schema.js';
import { ReasonedResponse } from '../../views/problem-page.js';
import type { ExerciseRef } from '../../views/problems-page.js';
import type { ProposalDetail } from '../get-proposal.js';
import { ProposalAuthor, ProposalStatusBadge } from './proposal-labels.js';

export interface ProposalForms {
  decide: FormState;
  hide: FormState;
  link: FormState;
}

/**
 * A proposal's public page: the problem it answers, its text and author, the commitment it became, its reasoned
 * response, history and comments; for staff, editing, the decision, the link to a commitment and hiding.
 */
export function ProposalPage(props: {
  exercise: ExerciseRef;
  detail: ProposalDetail;
  isStaff: boolean;
  history: RecordHistoryData;
  participation?: (ParticipationPanel & { notice?: ParticipationNotice | undefined }) | undefined;
  notice?: string | undefined;
  problemMessage?: string | undefined;
  forms?: Partial<ProposalForms>;
}) {
  const { t, format } = usePage();
  const { exercise, detail } = props;
  const { proposal } = detail;
  const path = proposalPath(exercise.slug, proposal.number);
  const forms: ProposalForms = { decide: emptyForm(), hide: emptyForm(), link: emptyForm(), ...props.forms };
  const crumbs = [
    { href: '/', label: t('nav.home') },
    { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
    { href: proposalsPath(exercise.slug), label: t('cocreation.proposals.title') },
    { label: t('cocreation.proposal.crumb', { number: proposal.number }) },
  ];
  if (proposal.hiddenAt) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeading title={t('cocreation.proposal.hiddenTitle', { number: proposal.number })} />
        <Alert kind="info" title={t('cocreation.hidden.alertTitle')}>
          <p>{t('cocreation.proposal.hiddenBody', { date: format.date(proposal.hiddenAt) })}</p>
          <p class="prewrap">
            <strong>{t('cocreation.hidden.reason')}</strong> {proposal.hiddenReason}
          </p>
        </Alert>
        <p>
          <a href={proposalsPath(exercise.slug)}>{t('cocreation.proposals.seeAll')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading title={t('cocreation.proposal.heading', { number: proposal.number, title: proposal.title })}>
        <p>
          <ProposalStatusBadge status={proposal.status} />
        </p>
      </PageHeading>
      <Notices notice={props.notice} problem={props.problemMessage} />
      {props.participation ? (
        <FollowButton
          target={props.participation.target}
          viewer={props.participation.viewer}
          notice={props.participation.notice}
        />
      ) : null}
      <h2>{t('cocreation.proposal.about')}</h2>
      <p class="prewrap">{proposal.description}</p>
      <dl class="meta-list">
        <dt>{t('cocreation.proposal.answers')}</dt>
        <dd>
          <a href={problemPath(exercise.slug, detail.problem.number)}>
            {detail.problem.title === null
              ? t('cocreation.hidden.title', { number: detail.problem.number })
              : t('cocreation.problem.heading', { number: detail.problem.number, title: detail.problem.title })}
          </a>
        </dd>
        <dt>{t('cocreation.proposal.author')}</dt>
        <dd>
          <ProposalAuthor exerciseSlug={exercise.slug} proposal={proposal} table={detail.table} />
        </dd>
        <dt>{t('cocreation.proposal.submittedOn')}</dt>
        <dd>{format.date(proposal.createdAt)}</dd>
      </dl>
      <BecameCommitments
        exerciseSlug={exercise.slug}
        commitments={detail.commitments}
        isStaff={props.isStaff}
        what="proposal"
      />
      <section aria-labelledby="response-heading">
        <h2 id="response-heading">{t('cocreation.response.sectionTitle')}</h2>
        {detail.response ? (
          <ReasonedResponse exerciseSlug={exercise.slug} response={detail.response} mergedInto={undefined} />
        ) : (
          <p>{t('cocreation.proposal.pending')}</p>
        )}
      </section>
      {props.isStaff ? <ProposalStaffPanel path={path} detail={detail} forms={forms} /> : null}
      <RecordHistory entries={props.history.entries} hasMore={props.history.hasMore} />
      {props.participation ? (
        <CommentsSection
          target={props.participation.target}
          comments={props.participation.comments}
          viewer={props.participation.viewer}
          form={emptyForm()}
          notice={props.participation.notice}
        />
      ) : null}
    </>
  );
}

/** Staff's panel: edit the text, decide, link to a commitment, hide. */
function ProposalStaffPanel(props: { path: string; detail: ProposalDetail; forms: ProposalForms }) {
  const { t } = usePage();
  const { path, forms, detail } = props;
  return (
    <section aria-labelledby="staff-heading" class="panel">
      <h2 id="staff-heading">{t('cocreation.proposal.staffTitle')}</h2>
      <p>
        <ButtonLink href={`${path}/editar`} variant="secondary">
          {t('cocreation.proposal.edit')}
        </ButtonLink>
      </p>
      {detail.proposal.status === 'proposed' ? <DecideProposalForm path={path} form={forms.decide} /> : null}
      <LinkCommitmentForms path={path} commitments={detail.commitments} form={forms.link} />
      <form method="post" action={`${path}/ocultar`} novalidate class="form-section">
        <h3>{t('cocreation.proposal.hideTitle')}</h3>
        <ErrorSummary errors={forms.hide.summary} />
        <CsrfField />
        <TextArea
          id="hide-reason"
          name="reason"
          label={t('cocreation.hide.reason')}
          hint={t('cocreation.hide.hint')}
          value={forms.hide.values.reason}
          error={forms.hide.errors.reason}
          rows={3}
          maxLength={500}
        />
        <Button variant="warning">{t('cocreation.proposal.hideSubmit')}</Button>
      </form>
    </section>
  );
}

/** The decision on a proposal: accepted or rejected, the reason, the explanation, the agreement, the commitment. */
function DecideProposalForm(props: { path: string; form: FormState }) {
  const { t } = usePage();
  const { path, form } = props;
  return (
    <form method="post" action={`${path}/decision`} novalidate class="form-section">
      <h3>{t('cocreation.proposal.decideTitle')}</h3>
      <ErrorSummary errors={form.summary} />
      <CsrfField />
      <RadioGroup
        id="decide-outcome"
        name="outcome"
        legend={t('cocreation.decide.outcome')}
        value={form.values.outcome}
        error={form.errors.outcome}
        options={proposalOutcomes.map((outcome) => ({ value: outcome, label: t(`cocreation.outcome.${outcome}`) }))}
      />
      <SelectField
        id="decide-reasonCode"
        name="reasonCode"
        label={t('cocreation.response.reason')}
        value={form.values.reasonCode ?? ''}
        error={form.errors.reasonCode}
        options={[
          { value: '', label: t('cocreation.decide.reasonChoose') },
          ...reasonCodes.map((code) => ({ value: code, label: t(`cocreation.reason.${code}`) })),
        ]}
      />
      <TextArea
        id="decide-explanation"
        name="explanation"
        label={t('cocreation.response.explanation')}
        hint={t('cocreation.decide.explanationHint')}
        value={form.values.explanation}
        error={form.errors.explanation}
        rows={5}
        maxLength={EXPLANATION_MAX}
      />
      <TextField
        id="decide-agreementCode"
        name="agreementCode"
        label={t('cocreation.response.agreement')}
        hint={t('cocreation.decide.agreementHint')}
        value={form.values.agreementCode}
        error={form.errors.agreementCode}
        isOptional
        maxLength={60}
      />
      <TextField
        id="decide-commitmentNumber"
        name="commitmentNumber"
        label={t('cocreation.proposal.commitmentNumber')}
        hint={t('cocreation.proposal.commitmentNumberHint')}
        value={form.values.commitmentNumber}
        error={form.errors.commitmentNumber}
        isOptional
        maxLength={6}
      />
      <Button>{t('cocreation.decide.submit')}</Button>
    </form>
  );
}
