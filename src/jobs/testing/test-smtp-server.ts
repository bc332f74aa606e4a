import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the test server accepted (answered 250 to), decoded enough for assertions. */
export interface ReceivedMessage {
  from: string;
  to: string[];
  messageId: string;
  subject: string;
  contentLanguage: string;
  text: string;
  html: string;
  raw: string;
}

/** What the server answers at the end of DATA: accept, reject with a permanent error, or hold the answer. */
export type DataBehaviour = 'accept' | 'reject' | 'hold';

export interface TestSmtpServer {
  /** smtp://127.0.0.1:port */
  url: string;
  /** Messages the server acknowledged, in order. */
  received: ReceivedMessage[];
  /** Messages whose DATA arrived but whose client went away before the server answered (not delivered). */
  dropped: number;
  /** How many DATA commands reached their end (acknowledged, rejected, held or dropped). */
  dataCount: number;
  /** Decides the answer to each DATA by its 0-based order. */
  behaviour: (index: number) => DataBehaviour;
  /** Resolves when `count` DATA commands have reached their end. */
  waitForData(count: number): Promise<void>;
  /** Resolves when `count` messages have been acknowledged. */
  waitForReceived(count: number): Promise<void>;
  /** Acknowledges the messages held so far (whose clients are still waiting). */
  releaseHeld(): void;
  close(): Promise<void>;
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as nodemailer writes non-ASCII headers. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_whole, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function splitPart(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  if (end === -1) return { headers: parseHeaders(raw), body: '' };
  return { headers: parseHeaders(raw.slice(0, end)), body: raw.slice(end).replace(/^\r?\n\r?\n/, '') };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** The leaf parts of a MIME entity, descending into nested multiparts (e.g. mixed > alternative). */
function leafParts(
  headers: Map<string, string>,
  body: string,
): { headers: Map<string, string>; type: string; content: string }[] {
  const type = (headers.get('content-type') ?? 'text/plain').toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  if (!boundary) return [{ headers, type, content: decodeBody(headers, body) }];
  const parts: { headers: Map<string, string>; type: string; content: string }[] = [];
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    const part = splitPart(chunk.replace(/^\r?\n/, ''));
    parts.push(...leafParts(part.headers, part.body.replace(/\r?\n$/, '')));
  }
  return parts;
}

/** Enough MIME for nodemailer's output: a single part, multipart/alternative with text and HTML, and attachments. */
export function parseMessage(raw: string): Omit<ReceivedMessage, 'from' | 'to' | 'raw'> & {
  attachments: { filename: string; contentType: string; content: string }[];
} {
  const { headers, body } = splitPart(raw);
  const parts = leafParts(headers, body);
  const isAttachment = (part: { headers: Map<string, string> }) =>
    /attachment|filename=/i.test(part.headers.get('content-disposition') ?? '');
  return {
    messageId: headers.get('message-id') ?? '',
    subject: decodeHeader(headers.get('subject') ?? ''),
    contentLanguage: headers.get('content-language') ?? '',
    text: (parts.find((part) => part.type.startsWith('text/plain') && !isAttachment(part))?.content ?? '').replace(
      /\r\n/g,
      '\n',
    ),
    html: parts.find((part) => part.type.startsWith('text/html') && !isAttachment(part))?.content ?? '',
    attachments: parts.filter(isAttachment).map((part) => ({
      filename: /filename="?([^";]+)"?/i.exec(part.headers.get('content-disposition') ?? '')?.[1] ?? '',
      contentType: part.type,
      content: part.content,
    })),
  };
}

/** A real SMTP server on 127.0.0.1 (a random port unless given; no TLS, no authentication) for the tests. */
export async function startTestSmtpServer(
  behaviour: (index: number) => DataBehaviour = () => 'accept',
  port = 0,
): Promise<TestSmtpServer> {
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  const closedSessions = new Map<string, () => void>();
  const held: (() => void)[] = [];

  const state: TestSmtpServer = {
    url: '',
    received: [],
    dropped: 0,
    dataCount: 0,
    behaviour,
    waitForData: (count) => waitUntil(() => state.dataCount >= count),
    waitForReceived: (count) => waitUntil(() => state.received.length >= count),
    releaseHeld: () => held.splice(0).forEach((release) => release()),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  function waitUntil(condition: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (condition() ? resolve() : waiters.push(check));
      check();
    });
  }

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onClose(session) {
      closedSessions.get(session.id)?.();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const index = state.dataCount;
        const answer = state.behaviour(index);
        const raw = Buffer.concat(chunks).toString('utf8');
        const accept = () => {
          state.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw,
            ...parseMessage(raw),
          });
          callback(null, 'queued');
        };
        if (answer === 'reject') {
          const error = Object.assign(new Error('mailbox unavailable (test server rejects this message)'), {
            responseCode: 550,
          });
          callback(error);
        } else if (answer === 'hold') {
          const release = () => {
            closedSessions.delete(session.id);
            accept();
            notify();
          };
          held.push(release);
          closedSessions.set(session.id, () => {
            const index = held.indexOf(release);
            if (index !== -1) held.splice(index, 1);
            state.dropped++;
            notify();
          });
        } else {
          accept();
        }
        state.dataCount++;
        notify();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}
