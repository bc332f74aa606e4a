import { describe, expect, it } from 'vitest';
import { acceptedQuality } from './page-compression.js';

describe('acceptedQuality', () => {
  it('reads the quality a client gives an encoding, with the wildcard and x-gzip', () => {
    expect(acceptedQuality('gzip, deflate, br', 'gzip')).toBe(1);
    expect(acceptedQuality('gzip, deflate, br', 'br')).toBe(1);
    expect(acceptedQuality('br;q=1, gzip;q=0.5', 'gzip')).toBe(0.5);
    expect(acceptedQuality('GZIP;Q=0', 'gzip')).toBe(0);
    expect(acceptedQuality('x-gzip', 'gzip')).toBe(1);
    expect(acceptedQuality('br, *;q=0.2', 'gzip')).toBe(0.2);
    expect(acceptedQuality('*;q=0.2, gzip;q=0.8', 'gzip')).toBe(0.8);
    expect(acceptedQuality('identity', 'gzip')).toBe(0);
    expect(acceptedQuality('gzip;q=bad', 'gzip')).toBe(0);
    expect(acceptedQuality(undefined, 'gzip')).toBe(0);
    expect(acceptedQuality('', 'gzip')).toBe(0);
  });
});
