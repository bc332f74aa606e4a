/**
 * Whether an error means "the database cannot be reached right now" (stopped, restarting, frozen, unreachable, out
 * of connections, or a statement that ran out of time) rather than a bug or bad data. Such errors are answered with
 * 503 and Retry-After, and never stop the process: the pool reconnects by itself once the server is back.
 *
 * Drizzle wraps the driver's error (`cause`), so the whole chain is examined.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** SQLSTATEs: admin/crash shutdown, cannot connect now, too many connections, statement timeout (query_canceled). */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);

const MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
];

export class DatabaseTimeoutError extends Error {
  readonly code = 'DATABASE_TIMEOUT';
  constructor(what: string, ms: number) {
    super(`the database did not answer in time (${what}, ${ms} ms)`);
    this.name = 'DatabaseTimeoutError';
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let current = error, depth = 0;
    current && typeof current === 'object' && depth < 5;
    current = (current as { cause?: unknown }).cause, depth++
  ) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (
      typeof code === 'string' &&
      (NETWORK_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08') || code === 'DATABASE_TIMEOUT')
    )
      return true;
    if (typeof message === 'string' && MESSAGES.some((known) => message.includes(known))) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

/** Rejects with DatabaseTimeoutError if `work` has not settled within `ms` (the work itself is not cancelled). */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(what, ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * True when the database refused a value the request brought: a data exception (SQLSTATE class 22: a date out of
 * range, a number too large, text too long) or a reference to a row that does not exist (23503). Such a failure is
 * the sender's, answered with 400; the error may come wrapped (drizzle's DrizzleQueryError keeps it as `cause`).
 */
export function isValueRefusedByDatabase(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (/^22[0-9A-Z]{3}$/.test(code) || code === '23503')) return true;
  }
  return false;
}
