import type { FastifyInstance } from 'fastify';
import { formValues, submitForm, withIssues, type FormIssue } from '../../../web/forms.js';
import { zonedTimeToUtc } from '../../calls/local-time.js';
import { linesOf } from '../../calls/call-form.js';
import { addMembership, addMembershipInput } from '../add-membership.js';
import { addSeat, addSeatInput } from '../add-seat.js';
import { scheduleSession, scheduleSessionInput } from '../schedule-session.js';
import { actorOf } from '../../../kernel/access.js';
import { secretariatAdminContext, forms, type Deps } from './route-context.js';

/** One Secretariat (/admin/secretariado/:id): its seats and members (admins only), and scheduling a session. */
export function secretariatCompositionAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, admin, runners, zone, uuidParam, secretariatPage, compositionProblem } = secretariatAdminContext(deps);

  app.get<{ Params: { id: string } }>('/admin/secretariado/:id', runners, (request, reply) =>
    secretariatPage(request, reply, uuidParam(request.params.id)),
  );

  app.post<{ Params: { id: string } }>('/admin/secretariado/:id/lugares', admin, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formValues(request.body, ['kind', 'institutionId', 'label']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: addSeatInput.safeParse(values),
      invalid: (form, status) => secretariatPage(request, reply, id, { forms: { seat: form }, status }),
      submit: async (data) => {
        await addSeat(db, id, data, { actor: actorOf(request) });
        return `/admin/secretariado/${id}?aviso=lugar`;
      },
      refused: (error) => compositionProblem(request, reply, id, error, 'seat', 'kind', values),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/:id/integrantes', admin, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formValues(request.body, [
      'seatId',
      'role',
      'registrationId',
      'displayName',
      'organization',
      'email',
      'bio',
      'startsOn',
      'endsOn',
    ]);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: addMembershipInput.safeParse(values),
      invalid: (form, status) => secretariatPage(request, reply, id, { forms: { member: form }, status }),
      submit: async (data) => {
        await addMembership(db, data, { actor: actorOf(request) });
        return `/admin/secretariado/${id}?aviso=integrante`;
      },
      refused: (error) => compositionProblem(request, reply, id, error, 'member', 'seatId', values),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/:id/sesiones', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formValues(request.body, ['kind', 'startsDate', 'startsTime', 'place', 'onlineUrl', 'agenda']);
    const isDate = /^\d{4}-\d{2}-\d{2}$/.test(values.startsDate);
    const startsAt =
      isDate && /^\d{2}:\d{2}$/.test(values.startsTime)
        ? zonedTimeToUtc(values.startsDate, values.startsTime, zone)
        : undefined;
    const dateIssues: FormIssue[] = startsAt
      ? []
      : [
          isDate
            ? { path: ['startsTime'], message: 'startsTime.invalid' }
            : { path: ['startsDate'], message: 'startsDate.invalid' },
        ];
    const parsed = scheduleSessionInput.safeParse({
      kind: values.kind,
      startsAt: startsAt ?? new Date(0),
      place: values.place,
      onlineUrl: values.onlineUrl,
      agenda: linesOf(values.agenda),
    });
    return submitForm(request, reply, {
      messages: { ...forms, idFor: (field) => (field === 'kind' ? 'sessionKind' : field) },
      values,
      parsed: withIssues(parsed, { before: dateIssues }),
      invalid: (form, status) => secretariatPage(request, reply, id, { forms: { session: form }, status }),
      submit: async (data) => {
        const session = await scheduleSession(db, id, data, { actor: actorOf(request) });
        return `/admin/secretariado/sesiones/${session.id}?aviso=sesion`;
      },
    });
  });
}
