import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/** A password people choose: long enough to resist guessing, short enough to hash cheaply. */
export const passwordSchema = z.string().min(10, 'password.tooShort').max(200, 'password.tooLong');

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
