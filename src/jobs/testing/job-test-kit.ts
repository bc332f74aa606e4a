import type { JobSettings } from '../boss.js';
import type { JobLogger } from '../start-jobs.js';

/** Timings that make retries, expiry and polling take a second or two instead of minutes. */
export const fastJobSettings: JobSettings = {
  pollingIntervalSeconds: 0.5,
  emailPollingIntervalSeconds: 0.5,
  emailConcurrency: 4,
  maintenanceIntervalSeconds: 1,
  expireInSeconds: 30,
  retryLimit: 2,
  retryDelaySeconds: 0,
  retryBackoff: false,
  smtpTimeoutMs: 5000,
  stopTimeoutMs: 1000,
  // No late retries unless a test asks for them: the quick retries' last failure is final.
  lateRetry: { horizonSeconds: 0, firstWaitSeconds: 1, maxWaitSeconds: 1 },
  lateRetryCheckSeconds: 0.5,
};

/** A logger that keeps what it is told, for assertions. */
export function memoryLogger(): JobLogger & { lines: { level: string; message: string; object: object }[] } {
  const lines: { level: string; message: string; object: object }[] = [];
  const log = (level: string) => (object: object, message?: string) =>
    void lines.push({ level, message: message ?? '', object });
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

/** Polls `check` until it returns a value other than undefined (or the time runs out). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
