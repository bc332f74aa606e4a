import { resolve } from 'node:path';
import { z } from 'zod';
import { createAdmin } from '../modules/accounts/create-admin.js';
import { loadConfig, publicBaseUrl, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { explainFailure } from './errors.js';
import { migrate } from '../db/migrate.js';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { seedDemo, seedDemoIfEmpty } from '../demo/seed-demo.js';
import { describeVerification, verifyChangeLog } from '../modules/audit/verify-change-log.js';
import { checkLiveRecords } from '../modules/audit/check-live-records.js';
import { redactChange } from '../modules/audit/redact-change.js';
import { registry } from '../registry.js';
import { runServer } from '../server.js';

const usage = `Usage: cocrea <command>

Commands:
  start                 start the portal (same as npm start once built)
  migrate               apply the database migrations
  seed-demo [--force]   load the Durango demo (only into a database without exercises, unless --force)
  backup FILE           write every row of the database to FILE (gzipped JSON Lines)
  restore FILE          replace every row of the database with those of FILE
  create-admin EMAIL    make EMAIL an administrator and print a one-time link to choose the password
  verify-log [--head HASH]
                        recompute the change log's hash chain, name the first entry that was altered, and compare
                        each live public record with its last logged state; with --head, a head hash published
                        earlier (page footer, feed, minutes) must still be in the log
  redact-log SEQ FIELD... --reason TEXT
                        remove personal data from entry SEQ of the public change log (fields named before.<field>
                        or after.<field>) with a redaction entry stating the reason; the chain still verifies

The database is the one the settings name: DATABASE_URL (PostgreSQL server) or DATA_DIR (embedded).`;

async function withDatabase(config: Config, work: (database: Database) => Promise<void>) {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    console.log(`Database: ${database.description}`);
    await migrate(database);
    await work(database);
  } finally {
    await database.close();
  }
}

/** The value after an option (`--head HASH`), or undefined. */
function optionValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function main(args: string[]): Promise<number> {
  const [command, argument] = args;
  if (!command || command === '--help' || command === 'help') {
    console.log(usage);
    return command ? 0 : 64;
  }
  if (command === 'start') {
    await runServer();
    return -1;
  }
  const config = loadConfig();
  switch (command) {
    case 'migrate':
      await withDatabase(config, async () => console.log('Migrations applied.'));
      return 0;
    case 'seed-demo':
      await withDatabase(config, async ({ db }) => {
        if (argument === '--force') await seedDemo(db);
        else if (!(await seedDemoIfEmpty(db))) {
          console.log('The database already has exercises: nothing loaded (use --force to add the demo anyway).');
          return;
        }
        console.log('Demo loaded.');
      });
      return 0;
    case 'backup':
    case 'restore': {
      if (!argument) {
        console.error(`cocrea ${command}: name the file, e.g. cocrea ${command} cocrea-backup.jsonl.gz`);
        return 64;
      }
      const file = resolve(argument);
      await withDatabase(config, async ({ db }) => {
        const counts = command === 'backup' ? await backupDatabase(db, file) : await restoreDatabase(db, file);
        const verb = command === 'backup' ? 'Backed up' : 'Restored';
        console.log(
          `${verb} ${total(counts)} rows from ${Object.keys(counts).length} tables ${command === 'backup' ? 'to' : 'from'} ${file}`,
        );
      });
      return 0;
    }
    case 'create-admin': {
      const email = z.email().safeParse(argument);
      if (!email.success) {
        console.error(
          'cocrea create-admin: give the e-mail address of the new administrator, e.g. cocrea create-admin ana@example.mx',
        );
        return 64;
      }
      await withDatabase(config, async ({ db }) => {
        const { setPasswordPath } = await createAdmin(db, { email: email.data });
        console.log(
          `${email.data} is an administrator. Open this link within 7 days to choose the password (it works once):`,
        );
        console.log(`${publicBaseUrl(config)}${setPasswordPath}`);
      });
      return 0;
    }
    case 'verify-log': {
      const head = optionValue(args, '--head');
      if (head !== undefined && !/^[0-9a-f]{64}$/.test(head)) {
        console.error('cocrea verify-log: --head takes a hash of 64 lower-case hexadecimal characters');
        return 64;
      }
      let code = 0;
      await withDatabase(config, async ({ db }) => {
        const result = await verifyChangeLog(db, head === undefined ? {} : { head });
        const lines = describeVerification(result);
        const drift = result.ok ? await checkLiveRecords(db, registry.modules) : [];
        for (const line of lines) (result.ok ? console.log : console.error)(line);
        for (const found of drift)
          console.error(
            `Record changed outside the log: ${found.recordType} ${found.recordId}, field ${found.field} ` +
              `(last logged in entry #${found.seq})`,
          );
        if (!result.ok || drift.length > 0) code = 1;
      });
      return code;
    }
    case 'redact-log': {
      const reason = optionValue(args, '--reason');
      const seq = Number(argument);
      const fields = args.slice(2).filter((arg, i, all) => arg !== '--reason' && all[i - 1] !== '--reason');
      if (!Number.isSafeInteger(seq) || seq <= 0 || fields.length === 0 || !reason?.trim()) {
        console.error(
          'cocrea redact-log: give the entry, its fields and the reason, e.g. ' +
            'cocrea redact-log 12 after.contacts --reason "Datos de contacto de una persona (solicitud ARCO 2026-14)"',
        );
        return 64;
      }
      await withDatabase(config, async ({ db }) => {
        const redaction = await redactChange(db, {
          seq,
          fields,
          reason,
          actor: { id: null, label: 'Administración del portal' },
        });
        console.log(`Redacted ${fields.join(', ')} of entry #${seq} (redaction entry #${redaction}).`);
      });
      return 0;
    }
    default:
      console.error(`Unknown command: ${command}\n\n${usage}`);
      return 64;
  }
}

const command = process.argv[2] ?? '';
try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
} catch (error) {
  // A restore runs in one transaction and the others write nothing or leave the database as it was on failure.
  const explained = explainFailure(error, command, command !== 'start');
  console.error(`cocrea ${command}: ${explained.message}`);
  process.exitCode = explained.code;
}
