import { describe, expect, it } from 'vitest';
import { esMX } from './es-MX.js';
import { en } from './en.js';
import { formatters, localeFromAcceptLanguage, translator } from './i18n.js';
import { registry } from '../../registry.js';

describe('i18n', () => {
  it('has the same placeholders in both languages for every message', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const pairs: [Record<string, string>, Record<string, string>][] = [
      [esMX, en],
      ...registry.modules
        .flatMap((module) => module.messages ?? [])
        .map((m) => [m.es, m.en] as [Record<string, string>, Record<string, string>]),
    ];
    for (const [es, english] of pairs) {
      for (const key of Object.keys(es))
        expect(placeholders(english[key] ?? ''), key).toEqual(placeholders(es[key] ?? ''));
    }
  });

  it('fills placeholders', () => {
    expect(translator('es-MX')('layout.convenedBy', { name: 'IDAIP' })).toBe('Convoca: IDAIP');
    expect(translator('en')('layout.convenedBy', { name: 'IDAIP' })).toBe('Convened by: IDAIP');
  });

  it('picks the language from Accept-Language by preference', () => {
    expect(localeFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR,en;q=0.5,es;q=0.8')).toBe('es-MX');
    expect(localeFromAcceptLanguage('fr, de')).toBeUndefined();
    expect(localeFromAcceptLanguage(undefined)).toBeUndefined();
  });

  it('writes dates in full, in Spanish, in the configured zone', () => {
    const format = formatters('es-MX', 'America/Monterrey');
    // 16 Nov 2020 05:59 UTC is still 15 November in Durango.
    expect(format.date(new Date('2020-11-16T05:59:59Z'))).toBe('15 de noviembre de 2020');
    expect(format.calendarDate('2020-09-29')).toBe('29 de septiembre de 2020');
    expect(format.number(1832650)).toBe('1,832,650');
    expect(formatters('en', 'America/Monterrey').calendarDate('2020-09-29')).toBe('29 September 2020');
  });
});

describe('times', () => {
  it('are written on a 24-hour clock with the zone, so nobody misreads a deadline', () => {
    const text = formatters('es-MX', 'America/Monterrey').dateTime(new Date('2020-11-16T05:59:00Z'));
    expect(text).toContain('15 de noviembre de 2020');
    expect(text).toContain('23:59');
    expect(text).toMatch(/GMT-6|CST/);
  });
});
