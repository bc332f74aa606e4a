import { usePage } from '../../../web/page-context.js';
import type { TimelineEntry } from '../phase-timeline.js';

/** The exercise's phases as an ordered list; the current one is marked with aria-current and in words. */
export function PhaseTimeline(props: { entries: TimelineEntry[]; headingId: string }) {
  const { t, format } = usePage();
  return (
    <ol class="timeline" aria-labelledby={props.headingId}>
      {props.entries.map((entry) => (
        <li
          key={entry.phase}
          class={`timeline__step timeline__step--${entry.state}`}
          aria-current={entry.state === 'current' ? 'step' : undefined}
        >
          <span class="timeline__marker" aria-hidden="true" />
          <span class="timeline__name">{t(`phase.${entry.phase}`)}</span>
          <span class="timeline__state">{t(`phaseStatus.${entry.state}`)}</span>
          {entry.startsOn ? (
            <span class="timeline__dates">
              {entry.endsOn
                ? t('exercise.plannedDates', {
                    start: format.calendarDate(entry.startsOn),
                    end: format.calendarDate(entry.endsOn),
                  })
                : t('exercise.startsOn', { start: format.calendarDate(entry.startsOn) })}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
