import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

describe('data directory lock', () => {
  it('refuses a second process while the first one lives, naming its pid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cocrea-lock-'));
    // A live process other than this one holds the lock: the parent of this test process.
    writeFileSync(join(dir, 'cocrea.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`pid ${process.ppid}`));
  });

  it('takes over a lock left by a process that died, and releases it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cocrea-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    writeFileSync(join(dir, 'cocrea.lock'), dead);
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, 'cocrea.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'cocrea.lock'))).toBe(false);
  });
});
