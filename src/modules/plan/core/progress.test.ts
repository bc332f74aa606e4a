import { describe, expect, it } from 'vitest';
import {
  activityProgress,
  commitmentOpenDue,
  commitmentProgress,
  isActivityDelayed,
  isDelayed,
  milestoneOpenDue,
  milestoneProgress,
  normalisedWeights,
  planProgress,
} from './progress.js';

const m = (weight: number, progress: number, isCancelled = false) => ({ weight, progress, isCancelled });

describe('activity progress', () => {
  it('is 0, 50 or 100 by status, and a cancelled activity does not count', () => {
    expect(activityProgress('not_started')).toBe(0);
    expect(activityProgress('in_progress')).toBe(50);
    expect(activityProgress('done')).toBe(100);
    expect(activityProgress('verified')).toBe(100);
    expect(activityProgress('cancelled')).toBeUndefined();
  });
});

describe('milestone progress', () => {
  it('is the mean of its activities', () => {
    expect(
      milestoneProgress([
        { status: 'done' },
        { status: 'in_progress' },
        { status: 'not_started' },
        { status: 'verified' },
      ]),
    ).toBe(62.5);
  });
  it('leaves cancelled activities out of the mean', () => {
    expect(milestoneProgress([{ status: 'done' }, { status: 'cancelled' }])).toBe(100);
  });
  it('is 0 with no activities, and when all are cancelled', () => {
    expect(milestoneProgress([])).toBe(0);
    expect(milestoneProgress([{ status: 'cancelled' }, { status: 'cancelled' }])).toBe(0);
  });
  it('is kept with two decimals', () => {
    expect(milestoneProgress([{ status: 'done' }, { status: 'not_started' }, { status: 'not_started' }])).toBe(33.33);
  });
  it('goes down again when a done activity is deleted and an unstarted one remains', () => {
    const before = [{ status: 'done' as const }, { status: 'not_started' as const }];
    expect(milestoneProgress(before)).toBe(50);
    expect(milestoneProgress(before.slice(1))).toBe(0);
  });
});

describe('commitment progress', () => {
  it('weighs each milestone by its normalised weight', () => {
    // 3 x 100 + 1 x 0 over 4 = 75
    expect(commitmentProgress([m(3, 100), m(1, 0)])).toBe(75);
  });
  it('does not cap weights: only their proportions matter', () => {
    expect(commitmentProgress([m(300, 100), m(100, 0)])).toBe(commitmentProgress([m(3, 100), m(1, 0)]));
    expect(normalisedWeights([m(60, 0), m(60, 0), m(80, 0)])).toEqual([0.3, 0.3, 0.4]);
  });
  it('gives every milestone the same weight when all weights are zero', () => {
    expect(commitmentProgress([m(0, 100), m(0, 0)])).toBe(50);
    expect(normalisedWeights([m(0, 0), m(0, 0), m(0, 0, true)])).toEqual([0.5, 0.5, 0]);
  });
  it('lets a zero-weight milestone count for nothing when others weigh something', () => {
    expect(commitmentProgress([m(0, 100), m(2, 50)])).toBe(50);
  });
  it('leaves cancelled milestones out', () => {
    expect(commitmentProgress([m(1, 100), m(5, 0, true)])).toBe(100);
  });
  it('is 0 with no milestones or all cancelled', () => {
    expect(commitmentProgress([])).toBe(0);
    expect(commitmentProgress([m(1, 80, true)])).toBe(0);
  });
});

describe('plan progress', () => {
  it('is the mean of its commitments that are not cancelled', () => {
    expect(
      planProgress([
        { status: 'in_implementation', progress: 40 },
        { status: 'completed', progress: 100 },
        { status: 'cancelled', progress: 0 },
      ]),
    ).toBe(70);
  });
  it('is 0 with no commitments', () => {
    expect(planProgress([])).toBe(0);
    expect(planProgress([{ status: 'cancelled', progress: 30 }])).toBe(0);
  });

  it('leaves out the commitments that are not public yet (draft, co-creation): they do not drag the figure down', () => {
    expect(
      planProgress([
        { status: 'in_implementation', progress: 60 },
        { status: 'draft', progress: 0 },
        { status: 'cocreation', progress: 0 },
      ]),
    ).toBe(60);
    expect(
      planProgress([
        { status: 'proposed', progress: 0 },
        { status: 'approved', progress: 50 },
      ]),
    ).toBe(25);
    expect(planProgress([{ status: 'draft', progress: 80 }])).toBe(0);
  });
});

describe('delayed', () => {
  const today = '2021-06-15';
  it('flags an unfinished activity past its planned end, never a done or cancelled one', () => {
    expect(isActivityDelayed({ status: 'in_progress', plannedEnd: '2021-06-14' }, today)).toBe(true);
    expect(isActivityDelayed({ status: 'in_progress', plannedEnd: '2021-06-15' }, today)).toBe(false);
    expect(isActivityDelayed({ status: 'done', plannedEnd: '2021-01-01' }, today)).toBe(false);
    expect(isActivityDelayed({ status: 'cancelled', plannedEnd: '2021-01-01' }, today)).toBe(false);
    expect(isActivityDelayed({ status: 'not_started', plannedEnd: null }, today)).toBe(false);
  });
  it('makes a milestone due at the earliest end among its open activities and itself', () => {
    const due = milestoneOpenDue({ plannedEnd: '2021-09-30', isCancelled: false }, [
      { status: 'done', plannedEnd: '2021-03-01' },
      { status: 'in_progress', plannedEnd: '2021-05-31' },
    ]);
    expect(due).toBe('2021-05-31');
    expect(isDelayed(due, today)).toBe(true);
  });
  it('does not flag a finished milestone, even past its end', () => {
    expect(
      milestoneOpenDue({ plannedEnd: '2021-01-31', isCancelled: false }, [
        { status: 'verified', plannedEnd: '2021-01-31' },
      ]),
    ).toBeNull();
    expect(
      milestoneOpenDue({ plannedEnd: '2021-01-31', isCancelled: true }, [
        { status: 'not_started', plannedEnd: '2021-01-31' },
      ]),
    ).toBeNull();
  });
  it('makes a commitment late through any late milestone, until it is closed', () => {
    const open = commitmentOpenDue({ endsOn: '2021-12-31', status: 'in_implementation', progress: 40 }, [
      { openDue: '2021-04-30' },
      { openDue: null },
    ]);
    expect(isDelayed(open, today)).toBe(true);
    expect(
      commitmentOpenDue({ endsOn: '2021-12-31', status: 'completed', progress: 40 }, [{ openDue: '2021-04-30' }]),
    ).toBeNull();
    expect(commitmentOpenDue({ endsOn: '2021-05-31', status: 'in_implementation', progress: 100 }, [])).toBeNull();
    expect(commitmentOpenDue({ endsOn: '2021-05-31', status: 'in_implementation', progress: 99 }, [])).toBe(
      '2021-05-31',
    );
  });
});
