import type { LoadedSession } from './load-session.js';
import { hashToken } from './secrets.js';

/** The channel on which the database announces changes to sessions, accounts and staff roles (migration 0005). */
export const SESSIONS_CHANNEL = 'cocrea_sessions';

/**
 * Signed-in people, remembered between their requests so that a page does not look the session up each time. An
 * entry is reused only until `reuseUntil` (at most a minute, so the idle expiry is touched as before, and never past
 * the idle or maximum age), and everything is dropped whenever the database announces a change to sessions, accounts
 * or roles, in any process. While that announcement cannot be received, nothing is reused.
 */
export class SessionCache {
  private generation = 0;
  private connected = false;
  private readonly entries = new Map<string, LoadedSession>();

  constructor(private readonly maxEntries = 10_000) {}

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  setConnected(connected: boolean): void {
    this.invalidate();
    this.connected = connected;
  }

  /** The session behind `token` at `now`, from memory when still valid, else from `load` (which checks everything). */
  async load(
    token: string,
    now: Date,
    load: () => Promise<LoadedSession | undefined>,
  ): Promise<LoadedSession | undefined> {
    if (!this.connected) return load();
    const key = hashToken(token);
    const cached = this.entries.get(key);
    if (cached && now.getTime() < cached.reuseUntil) return cached;
    if (cached) this.entries.delete(key);
    const generation = this.generation;
    const loaded = await load();
    if (loaded && generation === this.generation && now.getTime() < loaded.reuseUntil) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, loaded);
    }
    return loaded;
  }
}
