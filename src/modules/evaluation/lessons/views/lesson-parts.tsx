import { StatusBadge, type BadgeTone } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import type { LessonFollowUpStatus } from '../../schema.js';

const followUpTone: Record<LessonFollowUpStatus, BadgeTone> = {
  pending: 'neutral',
  addressed: 'success',
  not_addressed: 'warning',
};

/** Whether the next exercise addressed a lesson, in words (never colour alone). */
export function FollowUpBadge(props: { status: LessonFollowUpStatus }) {
  const { t } = usePage();
  return <StatusBadge tone={followUpTone[props.status]}>{t(`evaluationLessons.status.${props.status}`)}</StatusBadge>;
}

/** One lesson: its theme as a heading, then what was found, what is recommended and where it comes from. */
export function LessonFacts(props: {
  lesson: { theme: string; finding: string; recommendation: string; source: string };
  headingId: string;
  level?: 3 | 4;
}) {
  const { t } = usePage();
  const H = `h${props.level ?? 3}` as 'h3';
  const { lesson } = props;
  return (
    <>
      <H id={props.headingId}>{lesson.theme}</H>
      <dl class="plan-document__facts">
        <dt>{t('evaluationLessons.finding')}</dt>
        <dd>{lesson.finding}</dd>
        <dt>{t('evaluationLessons.recommendation')}</dt>
        <dd>{lesson.recommendation}</dd>
        <dt>{t('evaluationLessons.source')}</dt>
        <dd>{lesson.source}</dd>
      </dl>
    </>
  );
}
