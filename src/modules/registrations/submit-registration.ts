import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { formatters } from '../../web/i18n/i18n.js';
import { issueToken } from '../accounts/consume-token.js';
import { absoluteUrl, tokenTtlMinutes } from '../accounts/links.js';
import { normalizeEmail } from '../accounts/secrets.js';
import { callAvailability } from '../calls/call-window.js';
import { calls } from '../calls/schema.js';
import { municipalities } from '../directory/schema.js';
import { queueEmail } from '../notifications/queue-email.js';
import { consents } from '../privacy/schema.js';
import { registrations, sectors } from './schema.js';

/** The sign-up form's fields; messages are keys under `registrations.error.`. */
export const registrationInput = z.object({
  fullName: z.string().trim().min(3, 'fullName.required').max(200, 'fullName.tooLong'),
  email: z.email('email.invalid').max(254, 'email.invalid'),
  phone: z
    .string()
    .trim()
    .max(30, 'phone.invalid')
    .regex(/^[+()\d\s.-]{7,30}$/, 'phone.invalid')
    .optional(),
  municipalityCvegeo: z.string().regex(/^\d{5}$/, 'municipality.required'),
  sector: z.enum(sectors, 'sector.required'),
  organization: z.string().trim().max(300, 'organization.tooLong').optional(),
  themes: z.array(z.string().max(120)).max(40).default([]),
  motivation: z.string().trim().min(20, 'motivation.tooShort').max(3000, 'motivation.tooLong'),
  acceptsHonorary: z.literal(true, 'acceptsHonorary.required'),
  privacyNoticeId: z.uuid('consent.required'),
  locale: z.enum(['es-MX', 'en']),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export interface SubmitOptions {
  baseUrl: string;
  siteName: string;
  timeZone: string;
  now: Date;
}

/** A short reference people can quote: SUM-<year>-<number>, the number from a sequence (computed in the insert). */
const nextReference = (year: string) => sql`${`SUM-${year}-`} || lpad(nextval('registration_number_seq')::text, 5, '0')`;

/**
 * Records a sign-up to an open call and e-mails the confirmation link, in one transaction (a registration never
 * exists without its e-mail job, nor the reverse). The person's account is created, unconfirmed, or linked. If the
 * e-mail already signed up to this call, nothing changes until the link in the new e-mail is followed: the changes
 * wait in the link, so a stranger cannot overwrite someone's registration, and the page shown is the same either way.
 */
export async function submitRegistration(db: Db, callId: string, input: RegistrationInput, options: SubmitOptions) {
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    const [call] = await tx.select().from(calls).where(eq(calls.id, callId)).limit(1);
    if (!call || callAvailability(call, options.now) !== 'open') throw new AppError('conflict', 'call not open', { reason: 'callNotOpen' });
    const [municipality] = await tx.select().from(municipalities).where(eq(municipalities.cvegeo, input.municipalityCvegeo)).limit(1);
    if (!municipality || municipality.stateCode !== call.eligibleStateCode) throw new AppError('validation', 'not a resident', { field: 'municipalityCvegeo', reason: 'outOfState' });
    const themes = input.themes.filter((theme) => call.themes.includes(theme));
    const fields = {
      fullName: input.fullName,
      email,
      phone: input.phone ?? null,
      municipalityCvegeo: input.municipalityCvegeo,
      sector: input.sector,
      organization: input.organization ?? null,
      themes,
      motivation: input.motivation,
      acceptsHonorary: true,
      privacyNoticeId: input.privacyNoticeId,
      locale: input.locale,
    };

    // Insert or read in one statement, so two simultaneous first sign-ups with one address do not fail.
    const upserted = (await tx.execute(
      sql`insert into users (email, name, locale) values (${email}, ${input.fullName}, ${input.locale})
          on conflict ((lower(email))) do update set email = users.email returning id`,
    )) as unknown as { rows: { id: string }[] };
    const user = upserted.rows[0];
    if (!user) throw new Error('account vanished during sign-up');

    const [existing] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.callId, callId), eq(sql`lower(${registrations.email})`, email)))
      .limit(1);
    let registration = existing;
    if (!registration) {
      registration = (await tx.insert(registrations).values({ ...fields, callId, reference: nextReference(String(options.now.getUTCFullYear())), userId: user.id }).returning())[0]!;
      await tx.insert(consents).values({ userId: user.id, noticeId: input.privacyNoticeId, purpose: `registration:${callId}` });
    }
    const token = await issueToken(tx, {
      userId: user.id,
      purpose: 'confirm_email',
      ttlMinutes: tokenTtlMinutes.confirm_email,
      data: existing ? { registrationId: registration.id, update: JSON.stringify(fields) } : { registrationId: registration.id },
    });
    await queueEmail(tx, {
      to: email,
      userId: user.id,
      template: 'confirm_registration',
      locale: input.locale,
      params: {
        name: input.fullName,
        siteName: options.siteName,
        url: absoluteUrl(options.baseUrl, `/sumate/confirmar/${token}`),
        expiresInHours: tokenTtlMinutes.confirm_email / 60,
        callTitle: call.title,
        reference: registration.reference,
        isUpdate: Boolean(existing),
        closesOn: formatters(input.locale, options.timeZone).dateTime(call.closesAt),
      },
    });
    return { callTitle: call.title };
  });
}
