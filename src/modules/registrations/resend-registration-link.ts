import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { formatters } from '../../web/i18n/i18n.js';
import { issueToken } from '../accounts/consume-token.js';
import { absoluteUrl, tokenTtlMinutes } from '../accounts/links.js';
import { retireTokens } from '../accounts/retire-tokens.js';
import { normalizeEmail } from '../accounts/secrets.js';
import { callAvailability } from '../calls/call-window.js';
import { calls } from '../calls/read-models.js';
import { queueEmail } from '../notifications/queue-email.js';
import { registrations } from './schema.js';
import type { SubmitOptions } from './submit-registration.js';

/**
 * "¿No te llegó el correo?": e-mails a new confirmation link for every sign-up with this address that still waits
 * for one (unconfirmed, to a call still open), and invalidates the older links of those sign-ups. Changes that
 * waited in the newest older link (a repeated sign-up) travel in the new one. Returns how many links were sent, for
 * tests and logs only: the person is shown the same page whether or not a sign-up exists.
 */
export async function resendRegistrationLink(db: Db, rawEmail: string, options: SubmitOptions): Promise<number> {
  const email = normalizeEmail(rawEmail);
  return db.transaction(async (tx) => {
    const waiting = await tx
      .select({ registration: registrations, call: calls })
      .from(registrations)
      .innerJoin(calls, eq(calls.id, registrations.callId))
      .where(and(eq(sql`lower(${registrations.email})`, email), eq(registrations.status, 'pending_confirmation')));
    let sent = 0;
    for (const { registration, call } of waiting) {
      if (!registration.userId || callAvailability(call, options.now) !== 'open') continue;
      const older = await retireTokens(tx, {
        userId: registration.userId,
        purpose: 'confirm_email',
        dataKey: 'registrationId',
        dataValue: registration.id,
        now: options.now,
      });
      const update = older[0]?.update;
      const token = await issueToken(
        tx,
        {
          userId: registration.userId,
          purpose: 'confirm_email',
          ttlMinutes: tokenTtlMinutes.confirm_email,
          data: update ? { registrationId: registration.id, update } : { registrationId: registration.id },
        },
        options.now,
      );
      const name = update
        ? ((JSON.parse(update) as { fullName?: string }).fullName ?? registration.fullName)
        : registration.fullName;
      await queueEmail(tx, {
        to: registration.email,
        userId: registration.userId,
        template: 'confirm_registration',
        locale: registration.locale,
        params: {
          name,
          siteName: options.siteName,
          url: absoluteUrl(options.baseUrl, `/sumate/confirmar/${token}`),
          expiresInHours: tokenTtlMinutes.confirm_email / 60,
          callTitle: call.title,
          reference: registration.reference,
          isUpdate: false,
          closesOn: formatters(registration.locale, options.timeZone).dateTime(call.closesAt),
        },
      });
      sent += 1;
    }
    return sent;
  });
}
