import type { Translate } from '../../web/i18n/i18n.js';
import { buildCalendar, type CalendarEvent } from './ics.js';
import type { SessionKind, SessionStatus } from './schema.js';

export interface SessionForCalendar {
  id: string;
  kind: SessionKind;
  number: number;
  startsAt: Date;
  durationMinutes: number;
  place: string | null;
  onlineUrl: string | null;
  status: SessionStatus;
}

/** A session's name as people say it: "Sesión ordinaria 3". */
export const sessionTitle = (t: Translate, session: { kind: SessionKind; number: number }) =>
  t(`secretariat.session.name.${session.kind}`, { number: session.number });

/** The path segment of a session: ordinaria-3, instalacion-1, extraordinaria-2. */
export const sessionKey = (session: { kind: SessionKind; number: number }) =>
  `${{ installation: 'instalacion', ordinary: 'ordinaria', extraordinary: 'extraordinaria' }[session.kind]}-${session.number}`;

export function parseSessionKey(key: string): { kind: SessionKind; number: number } | undefined {
  const match = /^(instalacion|ordinaria|extraordinaria)-([1-9]\d{0,3})$/.exec(key);
  if (!match) return undefined;
  const kind = ({ instalacion: 'installation', ordinaria: 'ordinary', extraordinaria: 'extraordinary' } as const)[
    match[1] as 'instalacion'
  ];
  return { kind, number: Number(match[2]) };
}

export const sessionPath = (exerciseSlug: string, session: { kind: SessionKind; number: number }) =>
  `/ejercicios/${exerciseSlug}/secretariado/sesiones/${sessionKey(session)}`;

const hostOf = (baseUrl: string) => {
  try {
    return new URL(baseUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
};

/** One session as a calendar event: its UID is its id at the portal's host, so it never changes. */
export function sessionEvent(
  session: SessionForCalendar,
  agenda: readonly string[],
  options: { t: Translate; baseUrl: string; exerciseSlug: string; bodyName: string },
): CalendarEvent {
  const url = `${options.baseUrl.replace(/\/$/, '')}${sessionPath(options.exerciseSlug, session)}`;
  const description = [
    options.bodyName,
    ...(agenda.length
      ? ['', options.t('secretariat.session.agenda'), ...agenda.map((item, i) => `${i + 1}. ${item}`)]
      : []),
    '',
    url,
  ].join('\n');
  return {
    uid: `${session.id}@${hostOf(options.baseUrl)}`,
    start: session.startsAt,
    end: new Date(session.startsAt.getTime() + session.durationMinutes * 60_000),
    summary: `${sessionTitle(options.t, session)} · ${options.bodyName}`,
    description,
    location: session.place ?? session.onlineUrl ?? undefined,
    url,
    isCancelled: session.status === 'cancelled',
  };
}

export function sessionsCalendar(events: CalendarEvent[], options: { name: string; now: Date }) {
  return buildCalendar({
    name: options.name,
    productId: '-//Cocrea//Secretariado Tecnico Local//ES',
    events,
    now: options.now,
  });
}
