/**
 * Retries `fetch` for up to two seconds until `done` holds, and returns the last value: a PostgreSQL server delivers
 * a notification (cache invalidation) a moment after the commit, so a page may be stale for a few milliseconds.
 */
export async function eventually<T>(fetch: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await fetch();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await fetch();
  }
  return value;
}
