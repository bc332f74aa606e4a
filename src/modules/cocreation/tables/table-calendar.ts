import type { Translate } from '../../../web/i18n/i18n.js';
import { buildCalendar } from '../../secretariat/ics.js';
import { tablePath } from '../paths.js';
import type { workshops } from '../schema.js';

/** A co-creation table as an iCalendar file with one event: its UID is its id at the portal's host, so it never changes. */
export function tableCalendar(
  table: typeof workshops.$inferSelect,
  options: { t: Translate; baseUrl: string; exerciseSlug: string; now: Date; problems: string[] },
) {
  const url = new URL(tablePath(options.exerciseSlug, table.number), options.baseUrl).toString();
  const host = new URL(options.baseUrl).hostname || 'localhost';
  return buildCalendar({
    name: options.t('cocreation.tables.title'),
    productId: '-//Cocrea//Mesas de co-creación//ES',
    now: options.now,
    events: [
      {
        uid: `${table.id}@${host}`,
        start: table.startsAt,
        end: table.endsAt,
        summary: options.t('cocreation.table.heading', { number: table.number, title: table.title }),
        description: [
          ...options.problems,
          '',
          options.t('cocreation.table.facilitator'),
          table.facilitator,
          '',
          url,
        ].join('\n'),
        location: [table.place, table.onlineUrl].filter(Boolean).join(' · ') || undefined,
        url,
      },
    ],
  });
}
