import { Breadcrumbs, ButtonLink, PageHeading } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { ExerciseDetail } from '../../exercises/get-exercise.js';
import type { PublicCall } from '../../calls/get-exercise-call.js';
import type { RecordHistoryData } from '../../audit/present-history.js';
import { RecordHistory } from '../../audit/views/record-history.js';
import { CallWindowNote } from '../../calls/views/call-window-note.js';
import { ExerciseMeta } from '../../exercises/views/exercise-list.js';
import { PhaseTimeline } from '../../exercises/views/phase-timeline.js';
import type { PlanSummary } from '../../plan/core/list-plan-summaries.js';
import { PlanSummaries } from '../../plan/core/views/plan-summary.js';
import type { ExerciseDiagnosis } from '../../cocreation/get-exercise-diagnosis.js';
import { ExerciseDiagnosisSection } from '../../cocreation/views/exercise-diagnosis.js';
import type { ExerciseLessons } from '../../evaluation/lessons/list-lessons.js';
import { ExerciseEvaluationSection } from '../../evaluation/lessons/views/exercise-section.js';

export function ExercisePage(props: {
  detail: ExerciseDetail;
  call: PublicCall | undefined;
  history: RecordHistoryData;
  plans?: PlanSummary[];
  now: Date;
  hasSecretariat?: boolean;
  diagnosis?: ExerciseDiagnosis;
  /** The evaluation's part: the results report's latest version, the lessons, those of the previous exercise. */
  evaluation?: { lessons: ExerciseLessons; latestVersion: number | undefined; isShown: boolean };
}) {
  const { t } = usePage();
  const { exercise, convener, timeline } = props.detail;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/ejercicios', label: t('nav.exercises') },
          { label: exercise.title },
        ]}
      />
      <PageHeading title={exercise.title} lead={exercise.summary} />
      <ExerciseMeta exercise={{ ...exercise, convenerName: convener.name }} />
      <p class="phase-now">{t(`phaseNow.${exercise.phase}`)}</p>
      <section aria-labelledby="call-heading">
        <h2 id="call-heading">{t('exercise.calls')}</h2>
        {props.call ? (
          <>
            <p>
              <strong>{props.call.title}</strong>
            </p>
            <CallWindowNote call={props.call} now={props.now} />
            <ButtonLink href={`/ejercicios/${exercise.slug}/convocatoria`} variant="secondary">
              {t('home.readCall')}
            </ButtonLink>
          </>
        ) : (
          <p>{t('exercise.noCall')}</p>
        )}
      </section>
      {props.diagnosis ? <ExerciseDiagnosisSection slug={exercise.slug} diagnosis={props.diagnosis} /> : null}
      <PlanSummaries plans={props.plans ?? []} />
      {props.hasSecretariat ? (
        <section aria-labelledby="secretariat-heading">
          <h2 id="secretariat-heading">{t('secretariat.title')}</h2>
          <p>{t('secretariat.exerciseLink.lead')}</p>
          <ButtonLink href={`/ejercicios/${exercise.slug}/secretariado`} variant="secondary">
            {t('secretariat.exerciseLink.action')}
          </ButtonLink>
        </section>
      ) : null}
      {props.evaluation?.isShown ? (
        <ExerciseEvaluationSection lessons={props.evaluation.lessons} latestVersion={props.evaluation.latestVersion} />
      ) : null}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('home.timeline')}</h2>
        <PhaseTimeline entries={timeline} headingId="timeline-heading" />
      </section>
      <RecordHistory
        entries={props.history.entries}
        hasMore={props.history.hasMore}
        fullHref={`/ejercicios/${exercise.slug}/historial`}
      />
    </>
  );
}
