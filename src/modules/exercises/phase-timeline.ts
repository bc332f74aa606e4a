import { phases, type Phase } from './schema.js';

export type PhaseState = 'done' | 'current' | 'upcoming';

export interface TimelineEntry {
  phase: Phase;
  state: PhaseState;
  startsOn: string | null;
  endsOn: string | null;
}

/** Every phase in order, marked done / current / upcoming from the exercise's current phase, with planned dates. */
export function phaseTimeline(
  current: Phase,
  planned: { phase: Phase; startsOn: string; endsOn: string | null }[],
): TimelineEntry[] {
  const currentIndex = phases.indexOf(current);
  return phases.map((phase, index) => {
    const dates = planned.find((entry) => entry.phase === phase);
    const state: PhaseState =
      current === 'closed' || index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming';
    return { phase, state, startsOn: dates?.startsOn ?? null, endsOn: dates?.endsOn ?? null };
  });
}
