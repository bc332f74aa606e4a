import { describe, expect, it } from 'vitest';
import { weightedTotal } from './get-ranking.js';

describe('a problem’s prioritisation total', () => {
  const criteria = [
    { position: 1, weight: 50 },
    { position: 2, weight: 30 },
    { position: 3, weight: 20 },
  ];
  it('is the weighted mean of its scores, to two decimals', () => {
    expect(weightedTotal(criteria, { 1: 5, 2: 3, 3: 1 })).toBe(3.6);
    expect(weightedTotal(criteria, { 1: 4, 2: 4, 3: 4 })).toBe(4);
    expect(
      weightedTotal(
        [
          { position: 1, weight: 1 },
          { position: 2, weight: 2 },
        ],
        { 1: 1, 2: 2 },
      ),
    ).toBe(1.67);
  });
  it('is none until every criterion is scored', () => {
    expect(weightedTotal(criteria, { 1: 5, 2: 3 })).toBeNull();
    expect(weightedTotal([], {})).toBeNull();
  });
});
