import { StatusBadge, type BadgeTone } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { Deadline } from '../deadlines.js';
import type { Completion, DeclaredStatus, Disagreement, OpenedGovernment } from '../scales.js';

const completionTone: Record<Completion, BadgeTone> = {
  no_evidence: 'danger',
  not_started: 'danger',
  limited: 'warning',
  substantial: 'info',
  complete: 'success',
};
const openedTone: Record<OpenedGovernment, BadgeTone> = {
  worsened: 'danger',
  did_not_change: 'neutral',
  marginal: 'warning',
  major: 'info',
  outstanding: 'success',
};
const declaredTone: Record<DeclaredStatus, BadgeTone> = {
  not_started: 'danger',
  limited: 'warning',
  substantial: 'info',
  complete: 'success',
};

export function CompletionBadge(props: { completion: Completion }) {
  const { t } = usePage();
  return (
    <StatusBadge tone={completionTone[props.completion]}>{t(`evaluation.completion.${props.completion}`)}</StatusBadge>
  );
}

export function OpenedBadge(props: { opened: OpenedGovernment }) {
  const { t } = usePage();
  return <StatusBadge tone={openedTone[props.opened]}>{t(`evaluation.opened.${props.opened}`)}</StatusBadge>;
}

export function DeclaredBadge(props: { status: DeclaredStatus }) {
  const { t } = usePage();
  return <StatusBadge tone={declaredTone[props.status]}>{t(`evaluation.declared.${props.status}`)}</StatusBadge>;
}

export function NotReviewableBadge() {
  const { t } = usePage();
  return <StatusBadge tone="neutral">{t('evaluation.notReviewable')}</StatusBadge>;
}

/** A disagreement, named in words next to the badge (colour is never the only signal). */
export function DisagreementNote(props: { disagreements: readonly Disagreement[] }) {
  const { t } = usePage();
  if (props.disagreements.length === 0) return <span>{t('evaluation.disagreement.none')}</span>;
  return (
    <>
      <StatusBadge tone="warning">{t('evaluation.disagreement.badge')}</StatusBadge>
      {props.disagreements.map((d) => (
        <span class="hint" key={d}>
          {' '}
          {t(`evaluation.disagreement.${d}`)}
        </span>
      ))}
    </>
  );
}

/** The rule the results page applies to mark a disagreement, in words. */
export function DisagreementRule(props: { headingId: string }) {
  const { t } = usePage();
  return (
    <section aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{t('evaluation.results.rule.title')}</h2>
      <ul>
        <li>{t('evaluation.results.rule.levels')}</li>
        <li>{t('evaluation.results.rule.progress')}</li>
      </ul>
    </section>
  );
}

/** An assessment's deadline in words: done, due on a date, or late by so many days (with a badge). */
export function DeadlineNote(props: { deadline: Deadline }) {
  const { t, format } = usePage();
  const { deadline } = props;
  const kind = t(`evaluation.deadline.${deadline.kind}`);
  if (deadline.isDone) return <span>{t('evaluation.deadline.done', { kind })}</span>;
  const due = format.calendarDate(deadline.dueOn);
  return deadline.isLate ? (
    <span>
      <StatusBadge tone="danger">{t('evaluation.deadline.late')}</StatusBadge>{' '}
      {t('evaluation.deadline.lateBy', { kind, due, days: format.number(deadline.daysLate) })}
    </span>
  ) : (
    <span>{t('evaluation.deadline.dueOn', { kind, due })}</span>
  );
}
