import { describe, expect, it } from 'vitest';
import { addDays, assessmentDeadlines, daysFrom, deadlineSettings } from './deadlines.js';

const settings = { designDueDays: 60, endDueDays: 30 };
const facts = { approvedOn: '2021-04-29', endsOn: '2021-12-15', design: null, hasEnd: false } as const;

describe('assessment deadlines', () => {
  it('counts calendar days across months and years', () => {
    expect(addDays('2021-04-29', 60)).toBe('2021-06-28');
    expect(addDays('2021-12-15', 30)).toBe('2022-01-14');
    expect(daysFrom('2021-06-28', '2021-07-08')).toBe(10);
  });

  it('reads its settings from the configuration (60 and 30 days by default)', () => {
    expect(deadlineSettings({ DESIGN_ASSESSMENT_DUE_DAYS: 60, END_ASSESSMENT_DUE_DAYS: 30 })).toEqual(settings);
  });

  it('makes the design assessment due days after the approval, and late only after its due date', () => {
    const [onTime] = assessmentDeadlines(facts, settings, '2021-06-28');
    expect(onTime).toEqual({ kind: 'design', dueOn: '2021-06-28', isDone: false, isLate: false, daysLate: 0 });
    const [late] = assessmentDeadlines(facts, settings, '2021-07-08');
    expect(late).toMatchObject({ kind: 'design', isLate: true, daysLate: 10 });
    const [done] = assessmentDeadlines({ ...facts, design: 'verifiable' }, settings, '2021-07-08');
    expect(done).toMatchObject({ isDone: true, isLate: false });
  });

  it('makes the end assessment due days after the commitment ends, unless it is not reviewable', () => {
    const deadlines = assessmentDeadlines({ ...facts, design: 'verifiable' }, settings, '2022-01-20');
    expect(deadlines[1]).toEqual({ kind: 'end', dueOn: '2022-01-14', isDone: false, isLate: true, daysLate: 6 });
    expect(
      assessmentDeadlines({ ...facts, design: 'verifiable', hasEnd: true }, settings, '2022-01-20')[1],
    ).toMatchObject({
      isDone: true,
      isLate: false,
    });
    expect(
      assessmentDeadlines({ ...facts, design: 'not_verifiable' }, settings, '2022-01-20').map((d) => d.kind),
    ).toEqual(['design']);
  });

  it('sets no deadline without the date it counts from, and follows other settings', () => {
    expect(
      assessmentDeadlines({ approvedOn: null, endsOn: null, design: null, hasEnd: false }, settings, '2030-01-01'),
    ).toEqual([]);
    expect(assessmentDeadlines(facts, { designDueDays: 10, endDueDays: 5 }, '2021-05-10')[0]).toMatchObject({
      dueOn: '2021-05-09',
      isLate: true,
    });
  });
});
