import { describe, expect, it } from 'vitest';
import { callAvailability } from './call-window.js';

const call = {
  status: 'published' as const,
  opensAt: new Date('2020-09-29T05:00:00Z'),
  closesAt: new Date('2020-11-16T05:59:59Z'),
};

describe('call window', () => {
  it('is upcoming before it opens, open inside its window and closed from its closing instant', () => {
    expect(callAvailability(call, new Date('2020-09-29T04:59:59Z'))).toBe('upcoming');
    expect(callAvailability(call, new Date('2020-09-29T05:00:00Z'))).toBe('open');
    expect(callAvailability(call, new Date('2020-11-16T05:59:58Z'))).toBe('open');
    expect(callAvailability(call, new Date('2020-11-16T05:59:59Z'))).toBe('closed');
  });

  it('never accepts sign-ups as a draft, when cancelled or when closed early', () => {
    const inside = new Date('2020-10-10T00:00:00Z');
    expect(callAvailability({ ...call, status: 'draft' }, inside)).toBe('draft');
    expect(callAvailability({ ...call, status: 'cancelled' }, inside)).toBe('cancelled');
    expect(callAvailability({ ...call, status: 'closed' }, inside)).toBe('closed');
  });
});
