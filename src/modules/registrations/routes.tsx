import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../../config.js';
import { z } from 'zod';
import { and, desc, eq, ne } from 'drizzle-orm';
import { AppError, notFound } from '../../shared/errors.js';
import { failedForm, formList, formString, submitForm, type FormMessages, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { idParams, noticeQuery, parseParams, parseQuery, queryString, slugParams } from '../../web/params.js';
import { formatters } from '../../web/i18n/i18n.js';
import { EMAIL_BACKOFF, rateLimit, signIn } from '../accounts/guards.js';
import { callAvailability } from '../calls/call-window.js';
import { getExerciseAndCall, getExerciseCall } from '../calls/get-exercise-call.js';
import { calls } from '../calls/read-models.js';
import { listInstitutions } from '../directory/list-institutions.js';
import { municipalities } from '../directory/schema.js';
import { listExercises, pickCurrentExercise } from '../exercises/list-exercises.js';
import { getCurrentPrivacyNotices } from '../privacy/get-current-privacy-notices.js';
import { confirmRegistration } from './confirm-registration.js';
import { decideRegistration, decisionInput } from './decide-registration.js';
import { exportRegistrations } from './export-registrations.js';
import { listRegistrations, registrationFilters } from './list-registrations.js';
import { registrations } from './schema.js';
import { resendRegistrationLink } from './resend-registration-link.js';
import { registrationInput, submitRegistration } from './submit-registration.js';
import { AdminRegistrationPage, AdminRegistrationsPage } from './views/admin-registrations.js';
import { ResendLinkPage, ResendSentPage, SignupClosedPage, SignupConfirmedPage, SignupFormPage, SignupLinkInvalidPage, SignupSentPage, type SignupContext } from './views/signup-pages.js';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;

const forms: FormMessages = { prefix: 'registrations.error', fallback: 'error.badRequest.body' };

const textFields = ['fullName', 'email', 'phone', 'municipalityCvegeo', 'sector', 'organization', 'motivation', 'acceptsHonorary', 'consent', 'privacyNoticeId'];

/** The submitted form as strings (to re-render it) and as the use case's input. */
function readForm(body: unknown, locale: 'es-MX' | 'en') {
  const values: Record<string, string> = Object.fromEntries(textFields.map((name) => [name, formString(body, name).trim()]));
  const themes = formList(body, 'themes');
  values.themes = themes.join('\n');
  const input = {
    fullName: values.fullName,
    email: values.email,
    phone: values.phone || undefined,
    municipalityCvegeo: values.municipalityCvegeo,
    sector: values.sector,
    organization: values.organization || undefined,
    themes,
    motivation: values.motivation,
    acceptsHonorary: values.acceptsHonorary === 'yes',
    privacyNoticeId: values.consent === 'yes' ? values.privacyNoticeId : '',
    locale,
  };
  return { values, parsed: registrationInput.safeParse(input) };
}

export function registrationRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;

  /** The exercise, its public call and, when the call accepts sign-ups, what the form needs. */
  async function loadContext(slug: string) {
    const row = await getExerciseAndCall(db, slug);
    if (!row?.call) throw notFound('call');
    return { exercise: row.exercise, call: row.call };
  }

  async function formContext(exercise: { slug: string; title: string; stateCode: string }, call: SignupContext['call'] & { eligibleStateCode: string }): Promise<SignupContext> {
    const [towns, institutionRows, notices] = await Promise.all([
      db.select({ cvegeo: municipalities.cvegeo, name: municipalities.name }).from(municipalities).where(eq(municipalities.stateCode, call.eligibleStateCode)).orderBy(municipalities.name),
      listInstitutions(db),
      getCurrentPrivacyNotices(db),
    ]);
    return {
      exercise,
      call,
      municipalities: towns,
      organizations: institutionRows.map((row) => row.institution.name),
      privacyNoticeId: (notices.simplified ?? notices.integral)?.id,
    };
  }

  async function closedPage(request: FastifyRequest, reply: FastifyReply, context: { exercise: { slug: string; title: string }; call: { opensAt: Date; closesAt: Date; status: 'draft' | 'published' | 'closed' | 'cancelled' } }) {
    const format = formatters(request.locale, config.TIME_ZONE);
    const availability = callAvailability(context.call, deps.now());
    const message =
      availability === 'upcoming' ? request.t('registrations.closed.upcoming', { date: format.dateTime(context.call.opensAt) }) : request.t('registrations.closed.closed', { date: format.dateTime(context.call.closesAt) });
    return sendPage(request, reply, deps, { status: 409, title: request.t('registrations.closed.title'), body: <SignupClosedPage context={context} message={message} /> });
  }

  app.get('/sumate', access.public, async (request, reply) => {
    const current = pickCurrentExercise(await listExercises(db));
    const call = current ? await getExerciseCall(db, current.id) : undefined;
    if (current && call && callAvailability(call, deps.now()) === 'open') return reply.redirect(`/ejercicios/${current.slug}/convocatoria/sumate`, 303);
    return sendPage(request, reply, deps, { title: request.t('registrations.closed.title'), body: <SignupClosedPage message={request.t('registrations.closed.none')} /> });
  });

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/convocatoria/sumate', access.public, async (request, reply) => {
    const { exercise, call } = await loadContext(parseParams(request, slugParams, 'call').slug);
    if (callAvailability(call, deps.now()) !== 'open') return closedPage(request, reply, { exercise, call });
    const context = await formContext(exercise, call);
    return sendPage(request, reply, deps, { title: request.t('registrations.title'), body: <SignupFormPage context={context} form={emptyForm()} action={request.url.split('?')[0]!} /> });
  });

  app.post<{ Params: { slug: string } }>(
    '/ejercicios/:slug/convocatoria/sumate',
    { ...access.public, preHandler: rateLimit(deps, 'signup', { perAddress: { max: config.SIGNUP_LIMIT_PER_HOUR, windowMinutes: 60 }, perAccount: EMAIL_BACKOFF }) },
    async (request, reply) => {
      const { slug } = parseParams(request, slugParams, 'call');
      const sentUrl = `/ejercicios/${slug}/convocatoria/sumate/enviada`;
      // A filled honeypot is a robot: it sees the usual answer and nothing is stored.
      if (formString(request.body, 'website')) return reply.redirect(sentUrl, 303);
      const { values, parsed } = readForm(request.body, request.locale);
      const rerender = async (context: Awaited<ReturnType<typeof loadContext>>, form: FormState) =>
        sendPage(request, reply, deps, { status: 400, title: request.t('registrations.title'), body: <SignupFormPage context={await formContext(context.exercise, context.call)} form={form} action={request.url.split('?')[0]!} /> });
      const outOfState = { path: ['municipalityCvegeo'], message: 'outOfState' };
      // The happy path reads the call inside the sign-up's own transaction (one statement with the account upsert);
      // the other paths read it here to show the form again or the closed page.
      return submitForm(request, reply, {
        messages: forms,
        values,
        // Someone who lives outside the state is told kindly why they cannot sign up, before any other problem.
        parsed: values.municipalityCvegeo === 'outside' ? { success: false, issues: [outOfState] } : parsed,
        invalid: async (form) => {
          const context = await loadContext(slug);
          if (callAvailability(context.call, deps.now()) !== 'open') return closedPage(request, reply, context);
          return rerender(context, form);
        },
        submit: async (data) => {
          await submitRegistration(db, slug, data, { baseUrl: publicBaseUrl(config), siteName: config.SITE_NAME, timeZone: config.TIME_ZONE, now: deps.now() });
          return sentUrl;
        },
        refused: (error) => {
          const reason = error instanceof AppError ? error.details?.reason : undefined;
          if (reason === 'outOfState') return loadContext(slug).then((context) => rerender(context, failedForm(request.t, forms, [outOfState], values)));
          if (reason === 'callNotOpen') return loadContext(slug).then((context) => closedPage(request, reply, context));
          return undefined;
        },
      });
    },
  );

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/convocatoria/sumate/enviada', access.public, async (request, reply) => {
    const { exercise } = await loadContext(parseParams(request, slugParams, 'call').slug);
    return sendPage(request, reply, deps, { title: request.t('registrations.sent.title'), body: <SignupSentPage context={{ exercise }} /> });
  });

  app.get<{ Params: { token: string } }>('/sumate/confirmar/:token', access.public, async (request, reply) => {
    const result = await confirmRegistration(db, request.params.token, deps.now());
    if (!result) {
      return sendPage(request, reply, deps, { status: 400, title: request.t('accounts.link.invalidTitle'), body: <SignupLinkInvalidPage /> });
    }
    await signIn(reply, deps, result.userId);
    return reply.redirect(`/sumate/confirmada/${result.registration.reference}${result.wasUpdate ? '?cambios=1' : ''}`, 303);
  });

  // "¿No te llegó el correo?": the same answer whether or not a sign-up waits for that address (no enumeration).
  const resendInput = z.object({ email: z.email('email.invalid').max(254, 'email.invalid') });
  app.get('/sumate/reenviar', access.public, async (request, reply) => sendPage(request, reply, deps, { title: request.t('registrations.resend.title'), body: <ResendLinkPage /> }));
  app.post('/sumate/reenviar', { ...access.public, preHandler: rateLimit(deps, 'signup_resend', { perAddress: { max: 5, windowMinutes: 15 }, perAccount: EMAIL_BACKOFF }) }, async (request, reply) => {
    const values = { email: formString(request.body, 'email').trim() };
    return submitForm(request, reply, {
      messages: { ...forms, idFor: (field) => `resend-${field}` },
      values,
      parsed: resendInput.safeParse(values),
      invalid: (form, status) => sendPage(request, reply, deps, { status, title: request.t('registrations.resend.title'), body: <ResendLinkPage form={form} /> }),
      submit: async ({ email }) => {
        const sent = await resendRegistrationLink(db, email, { baseUrl: publicBaseUrl(config), siteName: config.SITE_NAME, timeZone: config.TIME_ZONE, now: deps.now() });
        request.log.info({ links: sent }, 'sign-up links re-sent');
        return '/sumate/reenviar/enviado';
      },
    });
  });
  app.get('/sumate/reenviar/enviado', access.public, async (request, reply) => sendPage(request, reply, deps, { title: request.t('registrations.sent.title'), body: <ResendSentPage /> }));

  app.get<{ Params: { reference: string }; Querystring: { cambios?: string } }>('/sumate/confirmada/:reference', access.signedIn, async (request, reply) => {
    const [row] = await db
      .select({ registration: registrations, call: calls })
      .from(registrations)
      .innerJoin(calls, eq(calls.id, registrations.callId))
      .where(and(eq(registrations.reference, request.params.reference), eq(registrations.userId, actorOf(request).userId)))
      .limit(1);
    if (!row) throw notFound('registration');
    const { exercise } = await getExerciseById(row.call.exerciseId);
    return sendPage(request, reply, deps, {
      title: request.t('registrations.confirmed.title'),
      body: <SignupConfirmedPage context={{ exercise }} reference={row.registration.reference} closesAt={row.call.closesAt} email={row.registration.email} wasUpdate={parseQuery(request, z.object({ cambios: queryString })).cambios === '1'} />,
    });
  });

  async function getExerciseById(exerciseId: string) {
    const all = await listExercises(db);
    const exercise = all.find((e) => e.id === exerciseId);
    if (!exercise) throw notFound('exercise');
    return { exercise };
  }

  // Review by admins.
  const adminCalls = () => db.select({ id: calls.id, title: calls.title }).from(calls).where(ne(calls.status, 'draft')).orderBy(desc(calls.opensAt));

  app.get<{ Querystring: Record<string, string> }>('/admin/inscripciones', access.roles('admin'), async (request, reply) => {
    const options = await adminCalls();
    const callId = options.find((c) => c.id === request.query.convocatoria)?.id ?? options[0]?.id;
    const filters = registrationFilters.parse(request.query);
    const [listing, towns] = await Promise.all([
      callId ? listRegistrations(db, callId, filters) : Promise.resolve({ rows: [], total: 0, pages: 1 }),
      db.select({ cvegeo: municipalities.cvegeo, name: municipalities.name }).from(municipalities).orderBy(municipalities.name),
    ]);
    return sendPage(request, reply, deps, {
      title: request.t('registrations.admin.title'),
      body: <AdminRegistrationsPage calls={options} callId={callId ?? ''} filters={filters} listing={listing} municipalities={towns} />,
    });
  });

  app.get<{ Querystring: Record<string, string> }>('/admin/inscripciones/exportar.csv', access.roles('admin'), async (request, reply) => {
    const callId = z.uuid().safeParse(request.query.convocatoria);
    if (!callId.success) throw new AppError('bad_request', 'call required');
    const { csv, count } = await exportRegistrations(db, callId.data, registrationFilters.parse(request.query), actorOf(request), deps.now());
    request.log.info({ callId: callId.data, rows: count, admin: actorOf(request).userId }, 'registrations exported');
    return reply
      .header('content-disposition', `attachment; filename="inscripciones-${callId.data.slice(0, 8)}.csv"`)
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .send(csv);
  });

  async function registrationPage(request: FastifyRequest, reply: FastifyReply, form: FormState, extra: { notice?: string; problem?: string } = {}, status = 200) {
    const { id } = parseParams(request, idParams, 'registration');
    const [row] = await db
      .select({ registration: registrations, municipalityName: municipalities.name, callTitle: calls.title })
      .from(registrations)
      .innerJoin(municipalities, eq(municipalities.cvegeo, registrations.municipalityCvegeo))
      .innerJoin(calls, eq(calls.id, registrations.callId))
      .where(eq(registrations.id, id))
      .limit(1);
    if (!row) throw notFound('registration');
    return sendPage(request, reply, deps, {
      status,
      title: row.registration.reference,
      body: <AdminRegistrationPage registration={row.registration} municipalityName={row.municipalityName} callTitle={row.callTitle} form={form} {...extra} />,
    });
  }

  app.get<{ Params: { id: string }; Querystring: { aviso?: string } }>('/admin/inscripciones/:id', access.roles('admin'), (request, reply) =>
    registrationPage(request, reply, emptyForm(), { notice: parseQuery(request, noticeQuery).aviso === 'saved' ? request.t('registrations.admin.saved') : undefined }),
  );
  app.post<{ Params: { id: string } }>('/admin/inscripciones/:id', access.roles('admin'), async (request, reply) => {
    const { id } = parseParams(request, idParams, 'registration');
    const values = { decision: formString(request.body, 'decision'), reason: formString(request.body, 'reason').trim() };
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: decisionInput.safeParse({ decision: values.decision, reason: values.reason || undefined }),
      invalid: (form, status) => registrationPage(request, reply, form, {}, status),
      submit: async (data) => {
        await decideRegistration(db, id, data, actorOf(request), deps.now());
        return `/admin/inscripciones/${id}?aviso=saved`;
      },
      refused: (error) => (error instanceof AppError && error.code === 'conflict' ? registrationPage(request, reply, emptyForm(), { problem: request.t('registrations.admin.notConfirmed') }, 409) : undefined),
    });
  });
}
