import { ConfigError } from '../config.js';
import { BackupRefusedError } from '../db/backup.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { isDatabaseUnavailable } from '../db/errors.js';

/** Exit codes by cause, as sysexits(3) names them, so a script can tell a damaged file from a database that is away. */
export const EXIT = {
  failure: 1,
  usage: 64,
  dataError: 65,
  noInput: 66,
  unavailable: 69,
  cannotCreate: 73,
  config: 78,
} as const;

export interface Explained {
  /** What went wrong, what to do, and whether anything changed: never a value from the data. */
  message: string;
  code: number;
}

/** The error and its causes (Drizzle wraps the driver's error in `cause`). */
function chain(error: unknown): Record<string, unknown>[] {
  const errors: Record<string, unknown>[] = [];
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    errors.push(current as Record<string, unknown>);
    current = (current as { cause?: unknown }).cause;
  }
  return errors;
}

const stringField = (errors: Record<string, unknown>[], name: string): string | undefined => {
  for (const error of errors) if (typeof error[name] === 'string') return error[name];
  return undefined;
};

/** PostgreSQL error classes whose message may quote the data (a value that did not fit, a duplicate key). */
const SQLSTATE_CLASSES: Record<string, string> = {
  '22': 'a value in it does not fit its column',
  '23': 'its rows break a rule of the database',
  '42': 'it does not match the tables of this version of Cocrea',
};

/**
 * Turns what a `cocrea` command threw into a message for the person at the terminal. A database error is named by
 * its SQLSTATE, constraint and table only: its message and detail can quote rows (names, e-mails) and are never
 * printed. `changesNothing` is what the command guarantees on failure (a restore runs in one transaction).
 */
export function explainFailure(error: unknown, command: string, changesNothing: boolean): Explained {
  const unchanged = changesNothing ? ' Nothing was changed.' : '';
  if (error instanceof ConfigError) return { message: error.message, code: EXIT.config };
  if (error instanceof DataDirLockedError) return { message: error.message, code: EXIT.config };
  const errors = chain(error);
  const code = stringField(errors, 'code');
  const path = stringField(errors, 'path');
  if (isDatabaseUnavailable(error))
    return {
      message: `cannot reach the database (${code ?? 'no answer'}). Check that PostgreSQL is running and that DATABASE_URL names it, then run the command again.${unchanged}`,
      code: EXIT.unavailable,
    };
  if (code === 'ENOENT' && command === 'backup')
    return {
      message: `the folder of ${path ?? 'the file'} does not exist: create it, or name a file in another folder.${unchanged}`,
      code: EXIT.cannotCreate,
    };
  if (code === 'ENOENT')
    return {
      message: `there is no file at ${path ?? 'the path given'}. Check the name and the folder.`,
      code: EXIT.noInput,
    };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EISDIR' || code === 'ENOSPC')
    return {
      message: `cannot use ${path ?? 'the file'} (${code}): choose a file in a folder you can write to, with free space.${unchanged}`,
      code: EXIT.cannotCreate,
    };
  if (code?.startsWith('Z_') || errors.some((e) => e.errno === -5 || e.errno === -3))
    return {
      message: `the backup file is damaged or was cut short: it does not decompress (${code ?? 'gzip'}). Use another copy of the backup.${unchanged}`,
      code: EXIT.dataError,
    };
  if (error instanceof SyntaxError)
    return {
      message: `the backup file is damaged: one of its lines is not valid JSON. Use another copy of the backup.${unchanged}`,
      code: EXIT.dataError,
    };
  if (error instanceof BackupRefusedError) return { message: `${error.message}${unchanged}`, code: EXIT.dataError };
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    const constraint = stringField(errors, 'constraint');
    const table = stringField(errors, 'table');
    const where = [table && `table ${table}`, constraint && `constraint ${constraint}`].filter(Boolean).join(', ');
    const what = SQLSTATE_CLASSES[code.slice(0, 2)] ?? 'the database refused it';
    const advice =
      command === 'restore'
        ? 'The backup was altered, or comes from another database: use another copy.'
        : 'Run `cocrea migrate`, then try again; if it fails again, report the code above.';
    return {
      message: `${command} failed: ${what} (SQLSTATE ${code}${where ? `, ${where}` : ''}). ${advice}${unchanged}`,
      code: EXIT.dataError,
    };
  }
  // Our own refusals are written for people and quote no data; a failed query's message quotes its parameters.
  const fromDatabase = errors.some((e) => typeof e.query === 'string' || /^Failed query/.test(String(e.message)));
  if (error instanceof Error && !fromDatabase && errors.length === 1 && !code)
    return { message: `${command} failed: ${error.message}${unchanged}`, code: EXIT.failure };
  const name = error instanceof Error ? error.name : typeof error;
  return {
    message: `${command} failed unexpectedly (${name}${code ? `, ${code}` : ''}). Run it again with LOG_LEVEL=debug and report what it printed.${unchanged}`,
    code: EXIT.failure,
  };
}
