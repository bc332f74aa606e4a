import { describe, expect, it } from 'vitest';
import { phaseTimeline } from './phase-timeline.js';
import { pickCurrentExercise } from './list-exercises.js';
import { calendarPhaseOn, duePhase } from './exercise-phase.js';

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

describe('the phase an exercise’s calendar gives', () => {
  const planned = [
    { phase: 'call', startsOn: '2026-11-01' },
    { phase: 'secretariat_installation', startsOn: '2026-12-15' },
    { phase: 'diagnosis', startsOn: '2027-01-10' },
  ] as const;

  it('moves forward to the last planned phase that has started, never back', () => {
    expect(duePhase('sensitization', planned, '2026-11-23', null)).toBe('call');
    expect(duePhase('call', planned, '2026-11-23', null)).toBeUndefined();
    expect(duePhase('call', planned, '2027-01-10', null)).toBe('diagnosis');
    expect(duePhase('diagnosis', planned, '2026-11-23', null)).toBeUndefined();
    expect(duePhase('call', [], '2030-01-01', null)).toBeUndefined();
  });

  it('after a move by hand, follows only phases planned to start after that day', () => {
    // An admin kept the exercise in its call on 20 December: the installation (planned 15 December) does not count.
    expect(duePhase('call', planned, '2026-12-28', '2026-12-20')).toBeUndefined();
    expect(duePhase('call', planned, '2027-01-10', '2026-12-20')).toBe('diagnosis');
    expect(calendarPhaseOn(planned, '2026-12-28')).toBe('secretariat_installation');
  });
});
