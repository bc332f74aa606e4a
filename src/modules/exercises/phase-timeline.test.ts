import { describe, expect, it } from 'vitest';
import { phaseTimeline } from './phase-timeline.js';
import { pickCurrentExercise } from './list-exercises.js';

describe('phase timeline', () => {
  it('marks earlier phases done, the current one current and later ones upcoming, with their planned dates', () => {
    const timeline = phaseTimeline('diagnosis', [{ phase: 'call', startsOn: '2020-09-29', endsOn: '2020-11-15' }]);
    expect(timeline.map((entry) => entry.state)).toEqual([
      'done',
      'done',
      'done',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(timeline[1]).toEqual({ phase: 'call', state: 'done', startsOn: '2020-09-29', endsOn: '2020-11-15' });
  });

  it('shows every phase done once the exercise has closed', () => {
    expect(phaseTimeline('closed', []).every((entry) => entry.state === 'done')).toBe(true);
  });
});

describe('current exercise', () => {
  it('is the newest that has not closed, or else the newest', () => {
    expect(pickCurrentExercise([{ phase: 'call' }, { phase: 'implementation' }])).toEqual({ phase: 'call' });
    expect(
      pickCurrentExercise([
        { phase: 'closed', n: 4 },
        { phase: 'implementation', n: 3 },
      ]),
    ).toEqual({ phase: 'implementation', n: 3 });
    expect(
      pickCurrentExercise([
        { phase: 'closed', n: 2 },
        { phase: 'closed', n: 1 },
      ]),
    ).toEqual({ phase: 'closed', n: 2 });
    expect(pickCurrentExercise([])).toBeUndefined();
  });
});
