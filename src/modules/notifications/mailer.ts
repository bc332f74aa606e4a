import { createTransport } from 'nodemailer';

export interface OutgoingEmail {
  /** The Message-ID header, fixed per e-mail row: a retried delivery carries the same one. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: 'es-MX' | 'en';
  /** Files sent with the message, if any. */
  attachments?: { filename: string; contentType: string; content: string }[] | undefined;
}

/** Hands a message to the mail server; resolves once the server has accepted it. */
export interface Mailer {
  /** For logs: the server's host and port, never its credentials. */
  readonly description: string;
  /** The domain of the sender's address, used to build Message-IDs. */
  readonly domain: string;
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export interface SmtpMailerOptions {
  /** smtp:// or smtps:// URL, possibly with user and password. */
  url: string;
  /** "Name <address>" or a bare address. */
  from: string;
  /** Connection, greeting and idle-socket timeouts, kept below the job's expiry so a stuck send fails first. */
  timeoutMs: number;
  /** Connections kept open to the mail server and used at once (1: one connection per message, not pooled). */
  connections?: number;
}

/** The domain of a sender address: `Cocrea <no-reply@example.mx>` → `example.mx`. */
export function senderDomain(from: string): string {
  const match = /@([^\s<>@]+?)>?\s*$/.exec(from);
  return match?.[1]?.toLowerCase() ?? 'localhost';
}

/** The sender used when MAIL_FROM is not set: the site's name at no-reply@ the public host. */
export function defaultSender(siteName: string, publicUrl: string | undefined): string {
  const host = publicUrl ? new URL(publicUrl).hostname : 'localhost';
  return `"${siteName.replace(/["\\\r\n]/g, '')}" <no-reply@${host}>`;
}

export const messageIdFor = (emailId: string, domain: string) => `<${emailId}@${domain}>`;

export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const connections = options.connections ?? 1;
  const transport = createTransport({
    url: options.url,
    // A pool reuses its connections for many messages: a burst of sign-ups goes out as fast as the server takes it.
    ...(connections > 1 ? { pool: true, maxConnections: connections, maxMessages: 100 } : {}),
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  const server = new URL(options.url);
  return {
    description: `${server.protocol}//${server.hostname}${server.port ? `:${server.port}` : ''}`,
    domain: senderDomain(options.from),
    async send(email) {
      await transport.sendMail({
        from: options.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: { 'Content-Language': email.locale, 'Auto-Submitted': 'auto-generated' },
        ...(email.attachments?.length
          ? {
              attachments: email.attachments.map((a) => ({
                filename: a.filename,
                contentType: a.contentType,
                content: a.content,
              })),
            }
          : {}),
      });
    },
    close: () => transport.close(),
  };
}
