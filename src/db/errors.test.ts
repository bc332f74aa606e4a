import { describe, expect, it } from 'vitest';
import { DatabaseTimeoutError, isDatabaseUnavailable, withTimeout } from './errors.js';

const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('a database that cannot be reached', () => {
  it('is told apart from bugs and bad data, also when Drizzle wraps the driver error', () => {
    expect(
      isDatabaseUnavailable(
        wrapped(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        wrapped(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })]),
      ),
    ).toBe(true);

    expect(
      isDatabaseUnavailable(
        wrapped(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });

  it('that does not answer in time is given up on, and counts as unavailable', async () => {
    const never = new Promise<never>(() => undefined);
    const error = await withTimeout(never, 20, 'readyz').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseTimeoutError);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(await withTimeout(Promise.resolve(7), 1000, 'quick')).toBe(7);
  });
});
