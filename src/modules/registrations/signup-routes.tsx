import type { FastifyInstance } from 'fastify';
import { publicBaseUrl } from '../../config.js';
import { AppError } from '../../shared/errors.js';
import { failedForm, formString, submitForm, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { parseParams, slugParams } from '../../web/params.js';
import { EMAIL_BACKOFF, rateLimit, signIn } from '../accounts/guards.js';
import { callAvailability } from '../calls/call-window.js';
import { getExerciseCall } from '../calls/get-exercise-call.js';
import { listExercises, pickCurrentExercise } from '../exercises/list-exercises.js';
import { confirmRegistration } from './confirm-registration.js';
import { submitRegistration } from './submit-registration.js';
import { SignupClosedPage, SignupFormPage, SignupLinkInvalidPage, SignupSentPage } from './views/signup-pages.js';
import { access } from '../../kernel/access.js';
import { forms, readForm, signupRouteContext, type Deps } from './route-context.js';

/** Signing up to a call (Súmate): the form, its submission, the page after it, and the e-mailed confirmation link. */
export function signupRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config, loadContext, formContext, closedPage } = signupRouteContext(deps);

  app.get('/sumate', access.public, async (request, reply) => {
    const current = pickCurrentExercise(await listExercises(db));
    const call = current ? await getExerciseCall(db, current.id) : undefined;
    if (current && call && callAvailability(call, deps.now()) === 'open')
      return reply.redirect(`/ejercicios/${current.slug}/convocatoria/sumate`, 303);
    return sendPage(request, reply, deps, {
      title: request.t('registrations.closed.title'),
      body: <SignupClosedPage message={request.t('registrations.closed.none')} />,
    });
  });

  app.get<{ Params: { slug: string } }>(
    '/ejercicios/:slug/convocatoria/sumate',
    access.public,
    async (request, reply) => {
      const { exercise, call } = await loadContext(parseParams(request, slugParams, 'call').slug);
      if (callAvailability(call, deps.now()) !== 'open') return closedPage(request, reply, { exercise, call });
      const context = await formContext(exercise, call);
      return sendPage(request, reply, deps, {
        title: request.t('registrations.title'),
        body: <SignupFormPage context={context} form={emptyForm()} action={request.url.split('?')[0]!} />,
      });
    },
  );

  app.post<{ Params: { slug: string } }>(
    '/ejercicios/:slug/convocatoria/sumate',
    {
      ...access.public,
      preHandler: rateLimit(deps, 'signup', {
        perAddress: { max: config.SIGNUP_LIMIT_PER_HOUR, windowMinutes: 60 },
        perAccount: EMAIL_BACKOFF,
      }),
    },
    async (request, reply) => {
      const { slug } = parseParams(request, slugParams, 'call');
      const sentUrl = `/ejercicios/${slug}/convocatoria/sumate/enviada`;
      // A filled honeypot is a robot: it sees the usual answer and nothing is stored.
      if (formString(request.body, 'website')) return reply.redirect(sentUrl, 303);
      const { values, parsed } = readForm(request.body, request.locale);
      const rerender = async (context: Awaited<ReturnType<typeof loadContext>>, form: FormState) =>
        sendPage(request, reply, deps, {
          status: 400,
          title: request.t('registrations.title'),
          body: (
            <SignupFormPage
              context={await formContext(context.exercise, context.call)}
              form={form}
              action={request.url.split('?')[0]!}
            />
          ),
        });
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
          await submitRegistration(db, slug, data, {
            baseUrl: publicBaseUrl(config),
            siteName: config.SITE_NAME,
            timeZone: config.TIME_ZONE,
            now: deps.now(),
          });
          return sentUrl;
        },
        refused: (error) => {
          const reason = error instanceof AppError ? error.details?.reason : undefined;
          if (reason === 'outOfState')
            return loadContext(slug).then((context) =>
              rerender(context, failedForm(request.t, forms, [outOfState], values)),
            );
          if (reason === 'callNotOpen') return loadContext(slug).then((context) => closedPage(request, reply, context));
          return undefined;
        },
      });
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/ejercicios/:slug/convocatoria/sumate/enviada',
    access.public,
    async (request, reply) => {
      const { exercise } = await loadContext(parseParams(request, slugParams, 'call').slug);
      return sendPage(request, reply, deps, {
        title: request.t('registrations.sent.title'),
        body: <SignupSentPage context={{ exercise }} />,
      });
    },
  );

  app.get<{ Params: { token: string } }>('/sumate/confirmar/:token', access.public, async (request, reply) => {
    const result = await confirmRegistration(db, request.params.token, deps.now());
    if (!result) {
      return sendPage(request, reply, deps, {
        status: 400,
        title: request.t('accounts.link.invalidTitle'),
        body: <SignupLinkInvalidPage />,
      });
    }
    await signIn(reply, deps, result.userId);
    return reply.redirect(
      `/sumate/confirmada/${result.registration.reference}${result.wasUpdate ? '?cambios=1' : ''}`,
      303,
    );
  });
}
