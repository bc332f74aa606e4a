import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';

interface Mail {
  to: string[];
  subject: string;
  text: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

/** Waits for the newest e-mail to `address` that the test SMTP server received (see mail-server.ts). */
export async function waitForMail(address: string, template: RegExp = /./, timeout = 30_000): Promise<Mail> {
  const file = join(process.env.E2E_DATA_DIR!, 'mail.jsonl');
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        if (!existsSync(file)) return undefined;
        const mails = readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Mail);
        found = mails.reverse().find((mail) => mail.to.includes(address) && template.test(mail.subject));
        return found?.subject;
      },
      { timeout, intervals: [1000, 2000], message: `an e-mail to ${address}` },
    )
    .toBeTruthy();
  return found!;
}

/**
 * The followers' notice arrives within about a minute (the job runs every minute): wait longer than for other e-mail.
 */
export const waitForFollowMail = (address: string) => waitForMail(address, /Hay novedades en/, 150_000);

/** The path of the first link in an e-mail's text that starts with `prefix`. */
export const linkPath = (text: string, prefix: string) =>
  new URL(new RegExp(`https?://\\S+${prefix}\\S+`).exec(text)![0]).pathname;
