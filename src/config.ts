import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The only place that reads process.env. Every setting is documented in README.md and .env.example.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const timeZone = z.string().refine(
  (value) => {
    try {
      new Intl.DateTimeFormat('es-MX', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IANA time zone such as America/Monterrey' },
);

/** An address, or a CIDR range of addresses, such as 10.0.0.0/8 or fd00::/8; or a name proxy-addr knows. */
const isProxyAddress = (value: string) => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address = '', prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
};

/**
 * Which peers may tell the client's address and protocol (X-Forwarded-For, X-Forwarded-Proto): none (`false`, the
 * default), the number of proxies in front of the portal (`1` for one nginx), or a comma-separated list of the
 * proxies' addresses or ranges. `true` (trust anyone) is refused: any client could then pick the address that
 * rate limits count.
 */
const trustProxy = z.string().transform((value, context): false | number | string[] => {
  const trimmed = value.trim().toLowerCase();
  if (['false', 'no', 'off', '0'].includes(trimmed)) return false;
  if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed);
  const entries = trimmed
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (['true', 'yes', 'on'].includes(trimmed) || entries.length === 0 || !entries.every(isProxyAddress)) {
    context.addIssue({
      code: 'custom',
      message:
        'expected false, the number of proxies in front of the portal (1 for one nginx), or their addresses, such as 127.0.0.1 or 10.0.0.0/8,::1 (true would let any client choose its address)',
    });
    return z.NEVER;
  }
  return entries;
});

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'expected a colour like #0b5563' });

export const configSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'], { message: 'expected development, production or test' })
      .default('development'),
    PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('localhost'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'expected a postgres:// URL' })
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number({ message: 'expected a whole number' }).int().min(1).max(200).default(10),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce
      .number({ message: 'expected milliseconds' })
      .int()
      .min(100)
      .max(120_000)
      .default(5000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
      .number({ message: 'expected milliseconds' })
      .int()
      .min(100)
      .max(3_600_000)
      .default(15000),
    DATABASE_START_TIMEOUT_SECONDS: z.coerce
      .number({ message: 'expected seconds' })
      .int()
      .min(0)
      .max(3600)
      .default(120),
    /** Worker processes sharing the port; more than one needs a PostgreSQL server (DATABASE_URL). */
    WEB_CONCURRENCY: z.coerce.number({ message: 'expected a whole number' }).int().min(1).max(64).default(1),
    READYZ_TIMEOUT_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(100).max(60_000).default(2000),
    DEMO_DATA: booleanFromEnv.default(true),
    RENDER_CACHE_SECONDS: z.coerce.number({ message: 'expected seconds' }).int().min(0).max(3600).default(60),
    PUBLIC_URL: z.url({ message: 'expected an absolute URL such as https://gobiernoabierto.example.mx' }).optional(),
    SITE_NAME: z.string().min(1).max(80).default('Cocrea'),
    SOURCE_URL: z.url({ message: 'expected an absolute URL such as https://git.example.mx/cocrea' }).optional(),
    BRAND_COLOR: hexColour.default('#0b5563'),
    TIME_ZONE: timeZone.default('America/Monterrey'),
    DEFAULT_LOCALE: z.enum(['es-MX', 'en'], { message: 'expected es-MX or en' }).default('es-MX'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: trustProxy.default(false),
    REQUEST_TIMEOUT_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(1000).default(30000),
    SESSION_IDLE_HOURS: z.coerce
      .number({ message: 'expected a number of hours' })
      .positive()
      .max(24 * 30)
      .default(8),
    SESSION_MAX_DAYS: z.coerce.number({ message: 'expected a number of days' }).positive().max(365).default(30),
    SIGNUP_LIMIT_PER_HOUR: z.coerce.number({ message: 'expected a whole number' }).int().min(1).default(20),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(100).default(10000),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s/?#]+(\/\S*)?$/, {
        message: 'expected an smtp:// or smtps:// URL such as smtp://user:password@mail.example.mx:587',
      })
      .optional(),
    MAIL_FROM: z
      .string()
      .regex(/^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
        message: 'expected a sender such as "Cocrea <no-reply@example.mx>" or no-reply@example.mx',
      })
      .optional(),
    EMAIL_RETRY_LIMIT: z.coerce.number({ message: 'expected a whole number' }).int().min(0).max(20).default(5),
    EMAIL_RETRY_DELAY_SECONDS: z.coerce.number({ message: 'expected seconds' }).int().min(1).max(3600).default(30),
    /**
     * After the quick retries, how long an e-mail that failed for a passing reason (mail server down, 4xx answer) keeps
     * being retried, with waits doubling up to 30 minutes, before it is marked failed; like a mail server's queue.
     */
    /** E-mails sent at once, over as many pooled connections to the mail server. */
    EMAIL_CONCURRENCY: z.coerce.number({ message: 'expected a whole number' }).int().min(1).max(64).default(8),
    EMAIL_RETRY_HORIZON_HOURS: z.coerce
      .number({ message: 'expected a number of hours' })
      .min(0)
      .max(24 * 30)
      .default(48),
    /**
     * How alike (pg_trgm similarity, 0 to 1) a problem must be to be offered as similar before a new one is submitted.
     */
    PROBLEM_SIMILARITY_THRESHOLD: z.coerce
      .number({ message: 'expected a number between 0.05 and 1' })
      .min(0.05)
      .max(1)
      .default(0.3),
    /** Days after a plan's approval within which each commitment's design assessment is due. */
    DESIGN_ASSESSMENT_DUE_DAYS: z.coerce
      .number({ message: 'expected a whole number of days' })
      .int()
      .min(1)
      .max(730)
      .default(60),
    /** Days after a commitment ends within which its end assessment is due. */
    END_ASSESSMENT_DUE_DAYS: z.coerce
      .number({ message: 'expected a whole number of days' })
      .int()
      .min(1)
      .max(730)
      .default(30),
  })
  .superRefine((config, context) => {
    // Links in e-mails, calendars and feeds come from this address, never from a request's Host header.
    if (config.NODE_ENV === 'production' && !config.PUBLIC_URL) {
      context.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message:
          'required when NODE_ENV=production: the address people use to reach the portal, such as https://gobiernoabierto.example.mx',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

/**
 * The portal's public address, without a trailing slash: every absolute link (e-mails, calendars, feeds, the
 * command line's) is built from it, never from a request's Host or X-Forwarded-Host. PUBLIC_URL when set (always in
 * production); otherwise the address the server listens on, with an any-interface address shown as localhost.
 */
export function publicBaseUrl(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  const host = ['0.0.0.0', '::', '[::]', ''].includes(config.HOST)
    ? 'localhost'
    : config.HOST.includes(':') && !config.HOST.startsWith('[')
      ? `[${config.HOST}]`
      : config.HOST;
  return `http://${host}:${config.PORT}`;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A value echoed in an error never shows a password (user:password@host in a URL). */
const redactSecret = (value: string) => value.replace(/\/\/([^:/@\s]+):[^@\s]*@/, '//$1:***@');

/** Parses a set of environment variables; throws ConfigError naming each bad setting and what it expects. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = issue.path.join('.');
        return `${key}=${JSON.stringify(redactSecret(env[key] ?? ''))}: ${issue.message}`;
      }),
    );
  }
  return result.data;
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}
