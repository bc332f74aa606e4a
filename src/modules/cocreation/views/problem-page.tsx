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
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { emptyForm, type FormState } from '../../../web/forms.js';
import type { RecordHistoryData } from '../../audit/present-history.js';
import { RecordHistory } from '../../audit/views/record-history.js';
import type { ParticipationNotice, ParticipationPanel } from '../../participation/load-participation.js';
import { CommentsSection, FollowButton } from '../../participation/views/comments-section.js';
import { EXPLANATION_MAX } from '../reasoned-decision.js';
import type { DiagnosisWindow, WindowState } from '../diagnosis-window.js';
import type { ProblemDetail } from '../get-problem.js';
import { BecameCommitments, LinkCommitmentForms } from '../origins/views/became-commitments.js';
import { newProposalPath, problemPath, problemsPath, proposalPath, reasonedResponsePath } from '../paths.js';
import { problemsOpenToProposals } from '../proposals/submit-proposal.js';
import { ProposalStatusBadge } from '../proposals/views/proposal-labels.js';
import { problemOutcomes, reasonCodes, reportReasons } from '../schema.js';
import { DiagnosisWindowNote, ProblemStatusBadge } from './labels.js';
import type { ExerciseRef } from './problems-page.js';

export interface ProblemViewer {
  isSignedIn: boolean;
  isConfirmed: boolean;
  canModerate: boolean;
}

export interface ProblemForms {
  report: FormState;
  hide: FormState;
  decide: FormState;
  link: FormState;
  undoMerge: FormState;
}

/** A problem's decision as the public reads it: outcome, reason, explanation, who decided and under which agreement. */
export function ReasonedResponse(props: {
  exerciseSlug: string;
  response: NonNullable<ProblemDetail['response']>;
  mergedInto: ProblemDetail['mergedInto'];
}) {
  const { t, format } = usePage();
  const { response } = props;
  return (
    <dl class="meta-list">
      <dt>{t('cocreation.response.outcome')}</dt>
      <dd>{t(`cocreation.outcome.${response.outcome}`)}</dd>
      {props.mergedInto ? (
        <>
          <dt>{t('cocreation.response.mergedInto')}</dt>
          <dd>
            <a href={problemPath(props.exerciseSlug, props.mergedInto.number)}>
              {t('cocreation.problem.heading', { number: props.mergedInto.number, title: props.mergedInto.title })}
            </a>
          </dd>
        </>
      ) : null}
      <dt>{t('cocreation.response.reason')}</dt>
      <dd>{t(`cocreation.reason.${response.reasonCode}`)}</dd>
      <dt>{t('cocreation.response.explanation')}</dt>
      <dd class="prewrap">{response.explanation}</dd>
      <dt>{t('cocreation.response.decider')}</dt>
      <dd>{response.institution ? `${response.deciderLabel} (${response.institution})` : response.deciderLabel}</dd>
      <dt>{t('cocreation.response.agreement')}</dt>
      <dd>
        {response.agreementCode ? (
          <a href={`/ejercicios/${props.exerciseSlug}/secretariado/acuerdos/${response.agreementCode}`}>
            {response.agreementCode}
          </a>
        ) : (
          t('cocreation.response.noAgreement')
        )}
      </dd>
      <dt>{t('cocreation.response.decidedOn')}</dt>
      <dd>{format.date(response.decidedAt)}</dd>
    </dl>
  );
}

type ProblemRow = ProblemDetail['problem'];

/**
 * A problem's public page: what it is about, its supports, its reasoned response, history and comments; moderation for
 * staff.
 */
export function ProblemPage(props: {
  exercise: ExerciseRef;
  detail: ProblemDetail;
  window: DiagnosisWindow | undefined;
  state: WindowState;
  viewer: ProblemViewer;
  history: RecordHistoryData;
  participation?: (ParticipationPanel & { notice?: ParticipationNotice | undefined }) | undefined;
  notice?: string | undefined;
  problemMessage?: string | undefined;
  forms?: Partial<ProblemForms>;
}) {
  const { t } = usePage();
  const { exercise, detail, viewer } = props;
  const { problem } = detail;
  const path = problemPath(exercise.slug, problem.number);
  const forms: ProblemForms = {
    report: emptyForm(),
    hide: emptyForm(),
    decide: emptyForm(),
    link: emptyForm(),
    undoMerge: emptyForm(),
    ...props.forms,
  };
  const crumbs = [
    { href: '/', label: t('nav.home') },
    { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
    { href: problemsPath(exercise.slug), label: t('cocreation.problems.title') },
    { label: t('cocreation.problem.crumb', { number: problem.number }) },
  ];
  if (problem.hiddenAt) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <HiddenProblem exerciseSlug={exercise.slug} problem={problem} hiddenAt={problem.hiddenAt} />
      </>
    );
  }
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading title={t('cocreation.problem.heading', { number: problem.number, title: problem.title })}>
        <p>
          <ProblemStatusBadge status={problem.status} />
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
      {detail.mergedInto ? (
        <Alert kind="info" title={t('cocreation.merged.title')}>
          <p>
            {t('cocreation.merged.body')}{' '}
            <a href={problemPath(exercise.slug, detail.mergedInto.number)}>
              {t('cocreation.problem.heading', { number: detail.mergedInto.number, title: detail.mergedInto.title })}
            </a>
          </p>
          <p>{t('cocreation.merged.counted')}</p>
        </Alert>
      ) : null}
      <ProblemAbout detail={detail} />

      <ProblemSupports
        exerciseSlug={exercise.slug}
        detail={detail}
        path={path}
        window={props.window}
        state={props.state}
        viewer={viewer}
      />

      <ProblemResponseSection exerciseSlug={exercise.slug} detail={detail} />

      <ProblemProposals exerciseSlug={exercise.slug} detail={detail} />

      <BecameCommitments
        exerciseSlug={exercise.slug}
        commitments={detail.commitments}
        isStaff={viewer.canModerate}
        what="problem"
      />

      {viewer.isSignedIn ? <ReportProblemForm path={path} form={forms.report} /> : null}

      {viewer.canModerate ? <ProblemModeration path={path} forms={forms} detail={detail} /> : null}

      <RecordHistory entries={props.history.entries} hasMore={props.history.hasMore} fullHref={`${path}/historial`} />
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

/** What a hidden problem's page shows instead of the problem: when and why it was hidden. */
function HiddenProblem(props: { exerciseSlug: string; problem: ProblemRow; hiddenAt: Date }) {
  const { t, format } = usePage();
  const { problem } = props;
  return (
    <>
      <PageHeading title={t('cocreation.hidden.title', { number: problem.number })} />
      <Alert kind="info" title={t('cocreation.hidden.alertTitle')}>
        <p>{t('cocreation.hidden.body', { date: format.date(props.hiddenAt) })}</p>
        <p class="prewrap">
          <strong>{t('cocreation.hidden.reason')}</strong> {problem.hiddenReason}
        </p>
      </Alert>
      <p>
        <a href={problemsPath(props.exerciseSlug)}>{t('cocreation.new.seeProblems')}</a>
      </p>
    </>
  );
}

/** What the problem is about: its description, theme, municipalities, evidence, date and channel. */
function ProblemAbout(props: { detail: ProblemDetail }) {
  const { t, format } = usePage();
  const { problem } = props.detail;
  return (
    <>
      <h2>{t('cocreation.problem.about')}</h2>
      <p class="prewrap">{problem.description}</p>
      <dl class="meta-list">
        <dt>{t('cocreation.field.theme')}</dt>
        <dd>{t(`cocreation.theme.${problem.theme}`)}</dd>
        <dt>{t('cocreation.field.municipalities')}</dt>
        <dd>{props.detail.municipalities.map((m) => m.name).join('; ')}</dd>
        <dt>{t('cocreation.field.evidence')}</dt>
        <dd>
          {problem.evidenceUrl ? (
            <a href={problem.evidenceUrl} rel="noopener noreferrer nofollow">
              {problem.evidenceUrl}
            </a>
          ) : (
            t('cocreation.problem.noEvidence')
          )}
        </dd>
        <dt>{t('cocreation.field.submittedOn')}</dt>
        <dd>{format.date(problem.createdAt)}</dd>
        <dt>{t('cocreation.field.channel')}</dt>
        <dd>{t(`cocreation.channel.${problem.channel}`)}</dd>
      </dl>
    </>
  );
}

/** The problem's supports: how many, the diagnosis window, and supporting it or withdrawing the support. */
function ProblemSupports(props: {
  exerciseSlug: string;
  detail: ProblemDetail;
  path: string;
  window: DiagnosisWindow | undefined;
  state: WindowState;
  viewer: ProblemViewer;
}) {
  const { t, format } = usePage();
  const { detail, path, viewer } = props;
  const { problem } = detail;
  const supportsText =
    detail.supports === 1
      ? t('cocreation.supports.one')
      : t('cocreation.supports.count', { count: format.number(detail.supports) });
  const canSupport =
    props.state === 'open' && (['proposed', 'admitted', 'prioritized'] as const).some((s) => s === problem.status);
  return (
    <section id="apoyos" aria-labelledby="supports-heading">
      <h2 id="supports-heading">{t('cocreation.supports.title')}</h2>
      <p>
        <strong>{supportsText}</strong>
      </p>
      <DiagnosisWindowNote window={props.window} state={props.state} />
      {!canSupport ? null : !viewer.isSignedIn ? (
        <ButtonLink href={`/entrar?siguiente=${encodeURIComponent(path)}`} variant="secondary">
          {t('cocreation.supports.signIn')}
        </ButtonLink>
      ) : !viewer.isConfirmed ? (
        <p>{t('cocreation.new.unconfirmed')}</p>
      ) : detail.viewerSupports ? (
        <form method="post" action={`${path}/apoyo/retirar`} class="inline-form">
          <CsrfField />
          <p class="follow__state">{t('cocreation.supports.yours')}</p>
          <Button variant="secondary">{t('cocreation.supports.withdraw')}</Button>
        </form>
      ) : (
        <form method="post" action={`${path}/apoyo`} class="inline-form">
          <CsrfField />
          <Button>{t('cocreation.supports.give')}</Button>
        </form>
      )}
      <p class="field__hint">{t('cocreation.supports.hint')}</p>
      {detail.mergedFrom.length > 0 ? (
        <>
          <h3>{t('cocreation.mergedFrom.title')}</h3>
          <p>{t('cocreation.mergedFrom.lead')}</p>
          <ul>
            {detail.mergedFrom.map((merged) => (
              <li key={merged.number}>
                <a href={problemPath(props.exerciseSlug, merged.number)}>
                  {t('cocreation.problem.heading', { number: merged.number, title: merged.title })}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The problem's reasoned response, or that it is still pending, with a link to every problem's. */
function ProblemResponseSection(props: { exerciseSlug: string; detail: ProblemDetail }) {
  const { t } = usePage();
  const { detail } = props;
  return (
    <section aria-labelledby="response-heading">
      <h2 id="response-heading">{t('cocreation.response.sectionTitle')}</h2>
      {detail.response ? (
        <ReasonedResponse exerciseSlug={props.exerciseSlug} response={detail.response} mergedInto={detail.mergedInto} />
      ) : (
        <p>{t('cocreation.response.pending')}</p>
      )}
      <p>
        <a href={reasonedResponsePath(props.exerciseSlug)}>{t('cocreation.response.all')}</a>
      </p>
    </section>
  );
}

/** Reporting the problem to the moderators (signed-in people). */
function ReportProblemForm(props: { path: string; form: FormState }) {
  const { t } = usePage();
  const { path, form } = props;
  return (
    <details class="panel" open={form.summary.length > 0}>
      <summary>{t('cocreation.report.title')}</summary>
      <form method="post" action={`${path}/reportar`} novalidate>
        <ErrorSummary errors={form.summary} />
        <CsrfField />
        <RadioGroup
          id="report-reason"
          name="reason"
          legend={t('cocreation.report.reason')}
          value={form.values.reason}
          error={form.errors.reason}
          options={reportReasons.map((reason) => ({
            value: reason,
            label: t(`cocreation.reportReason.${reason}`),
          }))}
        />
        <TextArea
          id="report-details"
          name="details"
          label={t('cocreation.report.details')}
          value={form.values.details}
          error={form.errors.details}
          isOptional
          rows={3}
          maxLength={500}
        />
        <Button variant="secondary">{t('cocreation.report.submit')}</Button>
      </form>
    </details>
  );
}

/** The proposals that answer the problem, and the way to propose one while it is open to proposals. */
function ProblemProposals(props: { exerciseSlug: string; detail: ProblemDetail }) {
  const { t } = usePage();
  const { detail } = props;
  return (
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">{t('cocreation.proposals.ofProblem')}</h2>
      {detail.proposals.length === 0 ? (
        <p>{t('cocreation.proposals.noneForProblem')}</p>
      ) : (
        <ul>
          {detail.proposals.map((proposal) => (
            <li key={proposal.number}>
              <a href={proposalPath(props.exerciseSlug, proposal.number)}>
                {t('cocreation.proposal.heading', { number: proposal.number, title: proposal.title })}
              </a>{' '}
              <ProposalStatusBadge status={proposal.status} />
            </li>
          ))}
        </ul>
      )}
      {problemsOpenToProposals.includes(detail.problem.status) ? (
        <p>
          <a href={newProposalPath(props.exerciseSlug, detail.problem.number)}>{t('cocreation.proposals.propose')}</a>
        </p>
      ) : null}
    </section>
  );
}

/**
 * The moderators' panel: the disposition of the problem with its reason, the commitment it became, and hiding it
 * with a public reason.
 */
function ProblemModeration(props: { path: string; forms: ProblemForms; detail: ProblemDetail }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="moderation-heading" class="panel">
      <h2 id="moderation-heading">{t('cocreation.moderation.title')}</h2>
      {props.detail.problem.status === 'merged' ? (
        <UndoMergeForm path={props.path} form={props.forms.undoMerge} />
      ) : (
        <DecideProblemForm path={props.path} form={props.forms.decide} />
      )}
      <LinkCommitmentForms path={props.path} commitments={props.detail.commitments} form={props.forms.link} />
      <HideProblemForm path={props.path} form={props.forms.hide} />
    </section>
  );
}

/** The disposition of a problem: outcome, reason code, explanation, the Secretariat's agreement, a merge. */
function DecideProblemForm(props: { path: string; form: FormState }) {
  const { t } = usePage();
  const { path, form } = props;
  return (
    <form method="post" action={`${path}/decision`} novalidate class="form-section">
      <h3>{t('cocreation.decide.title')}</h3>
      <ErrorSummary errors={form.summary} />
      <CsrfField />
      <RadioGroup
        id="decide-outcome"
        name="outcome"
        legend={t('cocreation.decide.outcome')}
        value={form.values.outcome}
        error={form.errors.outcome}
        options={problemOutcomes.map((outcome) => ({
          value: outcome,
          label: t(`cocreation.outcome.${outcome}`),
        }))}
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
        id="decide-mergedIntoNumber"
        name="mergedIntoNumber"
        label={t('cocreation.decide.mergedInto')}
        hint={t('cocreation.decide.mergedIntoHint')}
        value={form.values.mergedIntoNumber}
        error={form.errors.mergedIntoNumber}
        isOptional
        maxLength={7}
      />
      <Button>{t('cocreation.decide.submit')}</Button>
    </form>
  );
}

/** Undoing a merge, with the reason the public will read. */
function UndoMergeForm(props: { path: string; form: FormState }) {
  const { t } = usePage();
  const { path, form } = props;
  return (
    <form method="post" action={`${path}/deshacer-fusion`} novalidate class="form-section">
      <h3>{t('cocreation.undoMerge.title')}</h3>
      <ErrorSummary errors={form.summary} />
      <CsrfField />
      <TextArea
        id="undoMerge-reason"
        name="reason"
        label={t('cocreation.undoMerge.reason')}
        hint={t('cocreation.undoMerge.hint')}
        value={form.values.reason}
        error={form.errors.reason}
        rows={3}
        maxLength={1000}
      />
      <Button variant="warning">{t('cocreation.undoMerge.submit')}</Button>
    </form>
  );
}

/** Hiding a problem, with the reason the public will read. */
function HideProblemForm(props: { path: string; form: FormState }) {
  const { t } = usePage();
  const { path, form } = props;
  return (
    <form method="post" action={`${path}/ocultar`} novalidate class="form-section">
      <h3>{t('cocreation.hide.title')}</h3>
      <ErrorSummary errors={form.summary} />
      <CsrfField />
      <TextArea
        id="hide-reason"
        name="reason"
        label={t('cocreation.hide.reason')}
        hint={t('cocreation.hide.hint')}
        value={form.values.reason}
        error={form.errors.reason}
        rows={3}
        maxLength={500}
      />
      <Button variant="warning">{t('cocreation.hide.submit')}</Button>
    </form>
  );
}
