import { Breadcrumbs, Card, PageHeading, StatusBadge } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { ExerciseSummary } from '../list-exercises.js';

export function ExerciseMeta(props: {
  exercise: Pick<ExerciseSummary, 'edition' | 'periodStart' | 'periodEnd' | 'phase' | 'isDemo' | 'convenerName'>;
}) {
  const { t, format } = usePage();
  const { exercise } = props;
  return (
    <dl class="meta-list">
      <div>
        <dt>{t('exercise.period')}</dt>
        <dd>
          {t('exercise.plannedDates', {
            start: format.calendarDate(exercise.periodStart),
            end: format.calendarDate(exercise.periodEnd),
          })}
        </dd>
      </div>
      <div>
        <dt>{t('exercise.phase')}</dt>
        <dd>
          <StatusBadge tone={exercise.phase === 'closed' ? 'neutral' : 'info'}>
            {t(`phase.${exercise.phase}`)}
          </StatusBadge>{' '}
          {exercise.isDemo ? <StatusBadge tone="warning">{t('badge.demo')}</StatusBadge> : null}
        </dd>
      </div>
      <div>
        <dt>{t('exercise.convener')}</dt>
        <dd>{exercise.convenerName}</dd>
      </div>
    </dl>
  );
}

export function ExerciseListPage(props: { exercises: ExerciseSummary[] }) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('nav.exercises') }]} />
      <PageHeading title={t('exercise.list.title')} lead={t('exercise.list.intro')} />
      <div class="card-grid">
        {props.exercises.map((exercise) => (
          <Card
            key={exercise.id}
            title={exercise.title}
            href={`/ejercicios/${exercise.slug}`}
            meta={<ExerciseMeta exercise={exercise} />}
          >
            <p>{exercise.summary}</p>
          </Card>
        ))}
      </div>
    </>
  );
}
