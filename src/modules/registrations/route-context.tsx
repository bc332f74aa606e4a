import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { notFound } from '../../shared/errors.js';
import { formList, formString, type FormMessages } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { formatters } from '../../web/i18n/i18n.js';
import { callAvailability } from '../calls/call-window.js';
import { getExerciseAndCall } from '../calls/get-exercise-call.js';
import { listInstitutions } from '../directory/list-institutions.js';
import { municipalities } from '../directory/schema.js';
import { listExercises } from '../exercises/list-exercises.js';
import { getCurrentPrivacyNotices } from '../privacy/get-current-privacy-notices.js';
import { registrationInput } from './submit-registration.js';
import { SignupClosedPage, type SignupContext } from './views/signup-pages.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;

const forms: FormMessages = { prefix: 'registrations.error', fallback: 'error.badRequest.body' };

const textFields = [
  'fullName',
  'email',
  'phone',
  'municipalityCvegeo',
  'sector',
  'organization',
  'motivation',
  'acceptsHonorary',
  'consent',
  'privacyNoticeId',
];

/** The submitted form as strings (to re-render it) and as the use case's input. */
function readForm(body: unknown, locale: 'es-MX' | 'en') {
  const values: Record<string, string> = Object.fromEntries(
    textFields.map((name) => [name, formString(body, name).trim()]),
  );
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

/** What the sign-up pages share: the exercise and its call, what the form needs, the closed page, an exercise by id. */
export function signupRouteContext(deps: Deps) {
  const { db, config } = deps;

  /** The exercise, its public call and, when the call accepts sign-ups, what the form needs. */
  async function loadContext(slug: string) {
    const row = await getExerciseAndCall(db, slug);
    if (!row?.call) throw notFound('call');
    return { exercise: row.exercise, call: row.call };
  }

  async function formContext(
    exercise: { slug: string; title: string; stateCode: string },
    call: SignupContext['call'] & { eligibleStateCode: string },
  ): Promise<SignupContext> {
    const [towns, institutionRows, notices] = await Promise.all([
      db
        .select({ cvegeo: municipalities.cvegeo, name: municipalities.name })
        .from(municipalities)
        .where(eq(municipalities.stateCode, call.eligibleStateCode))
        .orderBy(municipalities.name),
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

  async function closedPage(
    request: FastifyRequest,
    reply: FastifyReply,
    context: {
      exercise: { slug: string; title: string };
      call: { opensAt: Date; closesAt: Date; status: 'draft' | 'published' | 'closed' | 'cancelled' };
    },
  ) {
    const format = formatters(request.locale, config.TIME_ZONE);
    const availability = callAvailability(context.call, deps.now());
    const message =
      availability === 'upcoming'
        ? request.t('registrations.closed.upcoming', { date: format.dateTime(context.call.opensAt) })
        : request.t('registrations.closed.closed', { date: format.dateTime(context.call.closesAt) });
    return sendPage(request, reply, deps, {
      status: 409,
      title: request.t('registrations.closed.title'),
      body: <SignupClosedPage context={context} message={message} />,
    });
  }

  async function getExerciseById(exerciseId: string) {
    const all = await listExercises(db);
    const exercise = all.find((e) => e.id === exerciseId);
    if (!exercise) throw notFound('exercise');
    return { exercise };
  }

  return { db, config, loadContext, formContext, closedPage, getExerciseById };
}

export { forms, readForm, type Deps };
