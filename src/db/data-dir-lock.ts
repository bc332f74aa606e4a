import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly pid: number,
    /** The program that has the pid now, when it is not Node.js (the pid was reused after a crash or a reboot). */
    public readonly otherProgram?: string,
  ) {
    super(
      otherProgram
        ? `The data directory ${dataDir} has a lock file (${join(dataDir, 'cocrea.lock')}) naming process ${pid}, ` +
            `which is now another program (${otherProgram}), not Cocrea: the lock was left behind by a Cocrea that ` +
            'stopped without removing it, and the number was reused (after a crash or a reboot). If no Cocrea is ' +
            `running on this directory, delete ${join(dataDir, 'cocrea.lock')} and start again. Nothing was changed.`
        : `The data directory ${dataDir} is already in use by another Cocrea process (pid ${pid}). ` +
            'The embedded database allows a single process: stop the other one, or point DATA_DIR elsewhere, ' +
            'or use a PostgreSQL server (DATABASE_URL) to run several processes.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** The name of the program with this pid, when it is not Node.js (Linux's /proc; undefined elsewhere or for Node). */
function otherProgramThan(pid: number): string | undefined {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const program = argv[0] ?? '';
    return /(^|\/)node(js)?(\d+)?$/.test(program) ? undefined : program.split('/').pop() || program;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own and two writers corrupt its files, so the process that opens a data directory
 * writes its pid to `cocrea.lock` there. A lock left by a dead process (after a crash or kill -9) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'cocrea.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid))
        throw new DataDirLockedError(dataDir, pid, otherProgramThan(pid));
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
