import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, utcStamp } from './ics.js';

describe('iCalendar (RFC 5545)', () => {
  const now = new Date('2020-11-20T12:00:00Z');
  const event = {
    uid: 'session-123@cocrea.example.mx',
    start: new Date('2020-12-03T17:00:00Z'),
    end: new Date('2020-12-03T19:00:00Z'),
    summary: 'Sesión de instalación, 1.ª',
    description: 'Orden del día:\n1. Lista; quórum\n2. Reglas de operación',
    location: 'Sala de juntas, Durango',
  };

  it('writes UTC stamps and escapes text values', () => {
    expect(utcStamp(new Date('2020-12-03T17:05:09.123Z'))).toBe('20201203T170509Z');
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('ends every line with CRLF and keeps one stable UID per event', () => {
    const ics = buildCalendar({ name: 'Sesiones', productId: '-//Cocrea//ES', events: [event], now });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toContain('UID:session-123@cocrea.example.mx\r\n');
    expect(ics).toContain('DTSTAMP:20201120T120000Z\r\n');
    expect(ics).toContain('DTSTART:20201203T170000Z\r\n');
    expect(ics).toContain('SUMMARY:Sesión de instalación\\, 1.ª\r\n');
    expect(ics).toContain('LOCATION:Sala de juntas\\, Durango\r\n');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(buildCalendar({ name: 'S', productId: 'p', events: [{ ...event, isCancelled: true }], now })).toContain(
      'STATUS:CANCELLED',
    );
  });

  it('folds lines longer than 75 octets without splitting a character', () => {
    const long = `DESCRIPTION:${'ñ'.repeat(100)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(long);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
});
