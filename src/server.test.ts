import { describe, expect, it, vi } from 'vitest';
import { handleUnhandledRejection, retryWhileUnavailable, startRetryDelayMs } from './server.js';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('starting while the database is not reachable', () => {
  it('tries again with a growing delay, logging each try, until the database answers', async () => {
    const log = { info: vi.fn(), warn: vi.fn() };
    const sleeps: number[] = [];
    let calls = 0;
    const result = await retryWhileUnavailable(
      async () => {
        calls += 1;
        if (calls < 4) throw refused();
        return 'ready';
      },
      { timeoutSeconds: 60, log, sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(result).toBe('ready');
    expect(sleeps).toEqual([500, 1000, 2000]);
    expect(log.warn.mock.calls.map(([message]) => message as string)).toEqual([
      expect.stringMatching(/^Database not reachable yet \(connect ECONNREFUSED.*\): try 2 in 500 ms/),
      expect.stringContaining('try 3 in 1000 ms'),
      expect.stringContaining('try 4 in 2000 ms'),
    ]);
    expect(startRetryDelayMs(10)).toBe(5000);
  });

  it('gives up after the configured time, and at once on any other error', async () => {
    const log = { info: vi.fn(), warn: vi.fn() };
    await expect(
      retryWhileUnavailable(() => Promise.reject(refused()), { timeoutSeconds: 0, log, sleep: async () => undefined }),
    ).rejects.toThrow(/ECONNREFUSED/);
    const broken = vi.fn(() => Promise.reject(new Error('relation "exercises" does not exist')));
    await expect(
      retryWhileUnavailable(broken, { timeoutSeconds: 60, log, sleep: async () => undefined }),
    ).rejects.toThrow(/does not exist/);
    expect(broken).toHaveBeenCalledTimes(1);
    expect(log.warn).not.toHaveBeenCalled();
  });
});

describe('a promise rejection nobody handled', () => {
  it('is only logged when the database connection was lost, and stops the process otherwise', () => {
    const on = { warn: vi.fn(), error: vi.fn(), stop: vi.fn() };
    handleUnhandledRejection(Object.assign(new Error('Failed query'), { cause: refused() }), on);
    expect(on.warn).toHaveBeenCalledTimes(1);
    expect(on.stop).not.toHaveBeenCalled();

    handleUnhandledRejection(new TypeError('Cannot read properties of undefined'), on);
    expect(on.error).toHaveBeenCalledTimes(1);
    expect(on.stop).toHaveBeenCalledTimes(1);
  });
});
