import { ButtonLink, Card } from '../../../web/components/index.js';
import type { PlanSummary } from '../../plan/core/list-plan-summaries.js';
import { PlanSummaries } from '../../plan/core/views/plan-summary.js';
import { usePage } from '../../../web/page-context.js';
import type { ExerciseDetail } from '../../exercises/get-exercise.js';
import type { ExerciseSummary } from '../../exercises/list-exercises.js';
import type { PublicCall } from '../../calls/get-exercise-call.js';
import { callAvailability } from '../../calls/call-window.js';
import { CallWindowNote } from '../../calls/views/call-window-note.js';
import { ExerciseMeta } from '../../exercises/views/exercise-list.js';
import { PhaseTimeline } from '../../exercises/views/phase-timeline.js';
import { newProblemPath } from '../../cocreation/paths.js';
import type { NextSession } from '../../secretariat/get-next-session.js';
import { sessionPath, sessionTitle } from '../../secretariat/session-calendar.js';

export interface HomeProps {
  current: ExerciseDetail | undefined;
  call: PublicCall | undefined;
  others: ExerciseSummary[];
  /** The exercises' Local Action Plans with their progress. */
  plans?: PlanSummary[];
  now: Date;
  /** Whether the current exercise's diagnosis is open (people may propose problems). */
  isDiagnosisOpen?: boolean;
  /** The next Secretariat session to be held, of any exercise. */
  nextSession?: NextSession;
}

export function HomePage(props: HomeProps) {
  const { t } = usePage();
  return (
    <>
      <div class="hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.intro')}</p>
      </div>
      {props.current ? <CurrentExercise {...props} current={props.current} /> : <NoExercise />}
      <nav class="actions" aria-label={t('site.home.participate')}>
        <ButtonLink href="/como-participo" variant="secondary">
          {t('site.home.participate')}
        </ButtonLink>
        <ButtonLink href="/municipios" variant="secondary">
          {t('site.home.municipality')}
        </ButtonLink>
      </nav>
      {props.nextSession ? <NextSessionNote session={props.nextSession} /> : null}
      <PlanSummaries plans={props.plans ?? []} />
      {props.others.length > 0 ? (
        <section aria-labelledby="others-heading">
          <h2 id="others-heading">{t('home.otherExercises')}</h2>
          <div class="card-grid">
            {props.others.map((exercise) => (
              <Card
                key={exercise.id}
                title={exercise.title}
                href={`/ejercicios/${exercise.slug}`}
                headingLevel={3}
                meta={<ExerciseMeta exercise={exercise} />}
              />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}

function NextSessionNote(props: { session: NextSession }) {
  const { t, format } = usePage();
  const { session } = props;
  return (
    <section class="panel" aria-labelledby="next-session-heading">
      <h2 id="next-session-heading">{t('site.home.nextSession')}</h2>
      <p>
        <a href={sessionPath(session.exerciseSlug, session)}>
          {t('site.home.nextSessionAt', { session: sessionTitle(t, session), date: format.dateTime(session.startsAt) })}
        </a>
        {' · '}
        {session.exerciseTitle}
      </p>
      {session.place ? <p>{t('site.home.nextSessionPlace', { place: session.place })}</p> : null}
      {session.onlineUrl ? <p>{t('site.home.nextSessionOnline')}</p> : null}
    </section>
  );
}

function NoExercise() {
  const { t } = usePage();
  return (
    <section class="panel">
      <h2>{t('home.noExercise')}</h2>
      <p>{t('home.noExerciseHint')}</p>
    </section>
  );
}

function CurrentExercise(props: HomeProps & { current: ExerciseDetail }) {
  const { t } = usePage();
  const { exercise, convener, timeline } = props.current;
  const callHref = `/ejercicios/${exercise.slug}/convocatoria`;
  const isCallOpen = props.call ? callAvailability(props.call, props.now) === 'open' : false;
  return (
    <>
      <section class="panel panel--highlight" aria-labelledby="current-heading">
        <p class="eyebrow">{t('home.currentExercise')}</p>
        <h2 id="current-heading">
          <a href={`/ejercicios/${exercise.slug}`}>{exercise.title}</a>
        </h2>
        <ExerciseMeta exercise={{ ...exercise, convenerName: convener.name }} />
        <h3>{t('home.whatNow')}</h3>
        <p class="phase-now">{t(`phaseNow.${exercise.phase}`)}</p>
        {props.call ? <CallWindowNote call={props.call} now={props.now} /> : null}
        <div class="actions">
          {isCallOpen ? (
            <ButtonLink href={`/ejercicios/${exercise.slug}/convocatoria/sumate`}>{t('registrations.cta')}</ButtonLink>
          ) : null}
          {props.isDiagnosisOpen ? (
            <ButtonLink href={newProblemPath(exercise.slug)}>{t('cocreation.propose')}</ButtonLink>
          ) : null}
          {props.call ? (
            <ButtonLink href={callHref} variant="secondary">
              {t('home.readCall')}
            </ButtonLink>
          ) : null}
          <ButtonLink href={`/ejercicios/${exercise.slug}`} variant="secondary">
            {t('home.seeExercise')}
          </ButtonLink>
        </div>
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('home.timeline')}</h2>
        <PhaseTimeline entries={timeline} headingId="timeline-heading" />
      </section>
      <p>
        <a href="/datos">{t('home.openData')}</a>
      </p>
    </>
  );
}
