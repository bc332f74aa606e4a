import { esMX } from './es-MX.js';
import { en } from './en.js';
import type { MessageKey } from './catalog.js';

export const locales = ['es-MX', 'en'] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };

/** The shared web messages, then each module's, installed by the registry (src/kernel/registry.ts) at start-up. */
const catalogs = { 'es-MX': { ...esMX }, en: { ...en } } as Record<Locale, Record<MessageKey, string>>;

/** Adds modules' texts to both catalogs (the registry calls it once with every module's messages). */
export function installMessages(
  messages: readonly { es: Readonly<Record<string, string>>; en: Readonly<Record<string, string>> }[],
): void {
  for (const { es, en: english } of messages) {
    Object.assign(catalogs['es-MX'], es);
    Object.assign(catalogs.en, english);
  }
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Whether a key built at run time (e.g. from a stored status) names a message. */
export const hasMessage = (key: string): key is MessageKey => key in catalogs['es-MX'];

/**
 * A message with placeholders, split once into its literal parts (even indexes) and placeholder names (odd ones):
 * a large page fills the same few messages tens of thousands of times.
 */
const templates = new Map<string, string[]>();
function templateOf(text: string): string[] {
  let parts = templates.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    templates.set(text, parts);
  }
  return parts;
}

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) => {
    const text = catalog[key];
    if (!params) return text;
    const parts = templateOf(text);
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
    }
    return out;
  };
}

/** Accepts `es`, `es-MX`, `en`, `en-US`... and returns a supported locale, or undefined. */
export function matchLocale(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase();
  if (lower.startsWith('es')) return 'es-MX';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/** Picks the best supported locale from an Accept-Language header, honouring q-values. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag ?? '', q: q ? Number.parseFloat(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const entry of ranked) {
    const locale = matchLocale(entry.tag);
    if (locale) return locale;
  }
  return undefined;
}

const formattersCache = new Map<string, ReturnType<typeof createFormatters>>();

/**
 * Dates and numbers through Intl, in the configured time zone. Calendar dates (YYYY-MM-DD) are never shifted.
 * Building Intl formatters is costly, so each (language, zone) pair is built once per process.
 */
export function formatters(locale: Locale, timeZone: string) {
  const key = `${locale}|${timeZone}`;
  let cached = formattersCache.get(key);
  if (!cached) {
    cached = createFormatters(locale, timeZone);
    formattersCache.set(key, cached);
  }
  return cached;
}

function createFormatters(locale: Locale, timeZone: string) {
  const intlLocale = locale === 'en' ? 'en-GB' : 'es-MX';
  const longDate = new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  const calendarDate = new Intl.DateTimeFormat(intlLocale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dateTime = new Intl.DateTimeFormat(intlLocale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  });
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-MX');
  // A plan's pages show the same few hundred days thousands of times (a print view: 60,000 dates); Intl is slow.
  const calendarDates = new Map<string, string>();
  const formatCalendarDate = (value: string) => {
    let text = calendarDates.get(value);
    if (text === undefined) {
      text = calendarDate.format(new Date(`${value}T00:00:00Z`));
      if (calendarDates.size >= 20_000) calendarDates.clear();
      calendarDates.set(value, text);
    }
    return text;
  };
  return {
    /** An instant shown as a day in the configured zone: "15 de noviembre de 2020". */
    date: (value: Date) => longDate.format(value),
    /** A calendar date stored as YYYY-MM-DD. */
    calendarDate: formatCalendarDate,
    /** An instant with a 24-hour time and the zone: "15 de noviembre de 2020, 23:59 GMT-6". */
    dateTime: (value: Date) => dateTime.format(value),
    number: (value: number) => number.format(value),
    /** A percentage already scaled to 0-100, as each language writes it: "62 %" in Spanish, "62%" in English. */
    percent: (value: number) => (locale === 'en' ? `${number.format(value)}%` : `${number.format(value)} %`),
    isoDate: (value: Date) => value.toISOString(),
  };
}
export type Formatters = ReturnType<typeof formatters>;
