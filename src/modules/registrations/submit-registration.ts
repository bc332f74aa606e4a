import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { formatters } from '../../web/i18n/i18n.js';
import { absoluteUrl, tokenTtlMinutes } from '../accounts/links.js';
import { issueToken } from '../accounts/consume-token.js';
import { hashToken, normalizeEmail, randomToken } from '../accounts/secrets.js';
import { callAvailability } from '../calls/call-window.js';
import type { CallStatus } from '../calls/read-models.js';
import { queueEmail } from '../notifications/queue-email.js';
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

type Fields = Omit<typeof registrations.$inferInsert, 'id' | 'callId' | 'reference' | 'userId'>;

interface FoundRow {
  user_id: string;
  call_id: string | null;
  title: string | null;
  themes: string[] | string | null;
  eligible_state_code: string | null;
  status: CallStatus | null;
  opens_at: string | Date | null;
  closes_at: string | Date | null;
  state_code: string | null;
  registration_id: string | null;
  reference: string | null;
}

/** A jsonb column read through raw SQL: parsed by node-postgres, possibly a string on another driver. */
const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

/**
 * Records a sign-up to the public call of the exercise `exerciseSlug` (its latest call that is not a draft), if it
 * is open, and e-mails the confirmation link, in one transaction (a registration never exists without its e-mail and
 * its delivery job, nor the reverse). The person's account is created, unconfirmed, or linked. If the e-mail already
 * signed up to this call, nothing changes until the link in the new e-mail is followed: the changes wait in the link,
 * so a stranger cannot overwrite someone's registration, and the page shown is the same either way.
 *
 * Sign-ups come in bursts, so the transaction is four statements: the account upsert, which also reads the call, the
 * municipality's state and any earlier sign-up; the registration with its consent and its link token; the e-mail
 * row; and its job. Refused with `callNotOpen` (conflict) when the exercise has no open call, and `outOfState`
 * (validation) for a municipality outside the call's state.
 */
export async function submitRegistration(
  db: Db,
  exerciseSlug: string,
  input: RegistrationInput,
  options: SubmitOptions,
) {
  const email = normalizeEmail(input.email);
  const token = randomToken();
  const expiresAt = new Date(options.now.getTime() + tokenTtlMinutes.confirm_email * 60_000);
  return db.transaction(async (tx) => {
    // Insert or read the account in one statement (two simultaneous first sign-ups with one address do not fail),
    // with the exercise's public call, the municipality's state and this address's earlier sign-up to the call.
    const found = (await tx.execute(sql`
      with target as (
        select c.id, c.title, c.themes, c.eligible_state_code, c.status, c.opens_at, c.closes_at
        from calls c join exercises e on e.id = c.exercise_id
        where e.slug = ${exerciseSlug} and c.status <> 'draft'
        order by c.opens_at desc limit 1
      ), account as (
        insert into users (email, name, locale) values (${email}, ${input.fullName}, ${input.locale})
        on conflict ((lower(email))) do update set email = users.email returning id
      )
      select account.id as user_id, target.id as call_id, target.title, target.themes, target.eligible_state_code, target.status, target.opens_at, target.closes_at,
        (select state_code from municipalities where cvegeo = ${input.municipalityCvegeo}) as state_code,
        earlier.id as registration_id, earlier.reference
      from account
      left join target on true
      left join registrations earlier on earlier.call_id = target.id and lower(earlier.email) = ${email}`)) as unknown as {
      rows: FoundRow[];
    };
    const row = found.rows[0];
    if (!row) throw new Error('account vanished during sign-up');
    const call = row.call_id
      ? {
          id: row.call_id,
          title: row.title!,
          themes: parseJson<string[]>(row.themes),
          status: row.status!,
          opensAt: new Date(row.opens_at!),
          closesAt: new Date(row.closes_at!),
        }
      : undefined;
    if (!call || callAvailability(call, options.now) !== 'open')
      throw new AppError('conflict', 'call not open', { reason: 'callNotOpen' });
    if (row.state_code !== row.eligible_state_code)
      throw new AppError('validation', 'not a resident', { field: 'municipalityCvegeo', reason: 'outOfState' });
    const themes = input.themes.filter((theme) => call.themes.includes(theme));
    const fields: Fields = {
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
    const isUpdate = row.registration_id !== null;
    let registration: { id: string; reference: string };
    let linkToken = token;
    if (row.registration_id && row.reference) {
      registration = { id: row.registration_id, reference: row.reference };
      linkToken = await issueToken(
        tx,
        {
          userId: row.user_id,
          purpose: 'confirm_email',
          ttlMinutes: tokenTtlMinutes.confirm_email,
          data: { registrationId: registration.id, update: JSON.stringify(fields) },
        },
        options.now,
      );
    } else {
      // The registration, its consent and its link token in one statement.
      const reference = sql`${`SUM-${options.now.getUTCFullYear()}-`} || lpad(nextval('registration_number_seq')::text, 5, '0')`;
      const inserted = (await tx.execute(sql`
        with registration as (
          insert into registrations (call_id, reference, user_id, full_name, email, phone, municipality_cvegeo, sector, organization, themes, motivation, accepts_honorary, privacy_notice_id, locale)
          values (${call.id}, ${reference}, ${row.user_id}, ${fields.fullName}, ${email}, ${fields.phone}, ${fields.municipalityCvegeo}, ${fields.sector}, ${fields.organization},
            ${JSON.stringify(themes)}::jsonb, ${fields.motivation}, true, ${fields.privacyNoticeId}, ${fields.locale})
          returning id, reference
        ), consent as (
          insert into consents (user_id, notice_id, purpose) select ${row.user_id}, ${fields.privacyNoticeId}, ${`registration:${call.id}`} from registration
        ), link as (
          insert into user_tokens (user_id, purpose, token_hash, data, expires_at)
          select ${row.user_id}, 'confirm_email', ${hashToken(token)}, jsonb_build_object('registrationId', registration.id::text), ${expiresAt.toISOString()}::timestamptz from registration
        )
        select id, reference from registration`)) as unknown as { rows: { id: string; reference: string }[] };
      registration = inserted.rows[0]!;
    }
    await queueEmail(tx, {
      to: email,
      userId: row.user_id,
      template: 'confirm_registration',
      locale: input.locale,
      params: {
        name: input.fullName,
        siteName: options.siteName,
        url: absoluteUrl(options.baseUrl, `/sumate/confirmar/${linkToken}`),
        expiresInHours: tokenTtlMinutes.confirm_email / 60,
        callTitle: call.title,
        reference: registration.reference,
        isUpdate,
        closesOn: formatters(input.locale, options.timeZone).dateTime(call.closesAt),
      },
    });
    return { callTitle: call.title };
  });
}
