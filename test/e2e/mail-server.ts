import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { parseMessage } from '../../src/jobs/testing/test-smtp-server.js';

/**
 * Playwright global setup: a real SMTP server on 127.0.0.1 that the portal under test sends to (SMTP_URL in
 * playwright.config.ts). Every accepted message is appended as one JSON line to DATA_DIR/mail.jsonl, where the
 * tests, in other processes, read it.
 */
export default async function globalSetup() {
  const port = Number(process.env.E2E_SMTP_PORT);
  const file = join(process.env.E2E_DATA_DIR!, 'mail.jsonl');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message = parseMessage(Buffer.concat(chunks).toString('utf8'));
        const to = session.envelope.rcptTo.map((r) => r.address);
        appendFileSync(
          file,
          `${JSON.stringify({ to, subject: message.subject, text: message.text, attachments: message.attachments })}\n`,
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
