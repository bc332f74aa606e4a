import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { projectRoot } from '../../paths.js';

/** The list of common and breached passwords shipped with the portal (see the file's header for its source). */
export const COMMON_PASSWORDS_FILE = join(projectRoot, 'src', 'modules', 'accounts', 'common-passwords.txt');

let commonPasswords: Set<string> | undefined;
const loadCommonPasswords = () =>
  (commonPasswords ??= new Set(
    readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  ));

const KEY_RUNS = [
  '01234567890123456789',
  '98765432109876543210',
  'abcdefghijklmnopqrstuvwxyz',
  'zyxwvutsrqponmlkjihgfedcba',
  'qwertyuiopasdfghjklñzxcvbnm',
  'qwertyuiopasdfghjklzxcvbnm',
];

/**
 * Whether a password is too easy to guess: one of the common and breached passwords, or one of them with only
 * digits, symbols or spaces before or after it ("Password2024!"), one short run repeated ("abcabcabcabc"), or keys
 * in order ("123456789012").
 */
export function isCommonPassword(password: string): boolean {
  const normalized = password.normalize('NFC').toLowerCase().trim();
  const list = loadCommonPasswords();
  if (list.has(normalized) || list.has(normalized.replace(/\s+/g, ''))) return true;
  const core = normalized.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');
  if (core.length === 0 || list.has(core) || list.has(core.replace(/\s+/g, ''))) return true;
  if (/^(.{1,6})\1+$/su.test(normalized)) return true;
  return KEY_RUNS.some((run) => run.includes(normalized));
}

/** A password people choose: long enough to resist guessing, short enough to hash cheaply, and not a common one. */
export const passwordSchema = z
  .string()
  .min(12, 'password.tooShort')
  .max(200, 'password.tooLong')
  .refine(
    (password) => password.length < 12 || password.length > 200 || !isCommonPassword(password),
    'password.common',
  );

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum. */
export const hashPassword = (password: string) => hash(password);

/** A hash of a random password, verified against when the account does not exist so timing reveals nothing. */
const decoy = hash('decoy password that never matches anything');

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
