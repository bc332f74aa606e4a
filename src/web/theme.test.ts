import { describe, expect, it } from 'vitest';
import { contrastWithWhite } from './theme.js';

describe('brand colour contrast', () => {
  it('passes AA for the default colour and fails for a pale one', () => {
    expect(contrastWithWhite('#0b5563')).toBeGreaterThan(4.5);
    expect(contrastWithWhite('#ffcc00')).toBeLessThan(4.5);
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 0);
  });
});
