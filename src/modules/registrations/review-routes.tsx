import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { desc, eq, ne } from 'drizzle-orm';
import { AppError, notFound } from '../../shared/errors.js';
import { formString, submitForm, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { idParams, noticeQuery, parseParams, parseQuery } from '../../web/params.js';
import { calls } from '../calls/read-models.js';
import { municipalities } from '../directory/schema.js';
import { decideRegistration, decisionInput } from './decide-registration.js';
import { exportRegistrations } from './export-registrations.js';
import { listRegistrations, registrationFilters } from './list-registrations.js';
import { registrations } from './schema.js';
import { AdminRegistrationPage, AdminRegistrationsPage } from './views/admin-registrations.js';
import { access, actorOf } from '../../kernel/access.js';
import { forms, type Deps } from './route-context.js';

/** Review of sign-ups by admins (/admin/inscripciones): the list, its CSV export, one sign-up and its decision. */
export function registrationReviewRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;

  const adminCalls = () =>
    db
      .select({ id: calls.id, title: calls.title })
      .from(calls)
      .where(ne(calls.status, 'draft'))
      .orderBy(desc(calls.opensAt));

  app.get<{ Querystring: Record<string, string> }>(
    '/admin/inscripciones',
    access.roles('admin'),
    async (request, reply) => {
      const options = await adminCalls();
      const callId = options.find((c) => c.id === request.query.convocatoria)?.id ?? options[0]?.id;
      const filters = registrationFilters.parse(request.query);
      const [listing, towns] = await Promise.all([
        callId ? listRegistrations(db, callId, filters) : Promise.resolve({ rows: [], total: 0, pages: 1 }),
        db
          .select({ cvegeo: municipalities.cvegeo, name: municipalities.name })
          .from(municipalities)
          .orderBy(municipalities.name),
      ]);
      return sendPage(request, reply, deps, {
        title: request.t('registrations.admin.title'),
        body: (
          <AdminRegistrationsPage
            calls={options}
            callId={callId ?? ''}
            filters={filters}
            listing={listing}
            municipalities={towns}
          />
        ),
      });
    },
  );

  app.get<{ Querystring: Record<string, string> }>(
    '/admin/inscripciones/exportar.csv',
    access.roles('admin'),
    async (request, reply) => {
      const callId = z.uuid().safeParse(request.query.convocatoria);
      if (!callId.success) throw new AppError('bad_request', 'call required');
      const { csv, count } = await exportRegistrations(
        db,
        callId.data,
        registrationFilters.parse(request.query),
        actorOf(request),
        deps.now(),
      );
      request.log.info({ callId: callId.data, rows: count, admin: actorOf(request).userId }, 'registrations exported');
      return reply
        .header('content-disposition', `attachment; filename="inscripciones-${callId.data.slice(0, 8)}.csv"`)
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8')
        .send(csv);
    },
  );

  async function registrationPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    extra: { notice?: string; problem?: string } = {},
    status = 200,
  ) {
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
      body: (
        <AdminRegistrationPage
          registration={row.registration}
          municipalityName={row.municipalityName}
          callTitle={row.callTitle}
          form={form}
          {...extra}
        />
      ),
    });
  }

  app.get<{ Params: { id: string }; Querystring: { aviso?: string } }>(
    '/admin/inscripciones/:id',
    access.roles('admin'),
    (request, reply) =>
      registrationPage(request, reply, emptyForm(), {
        notice: parseQuery(request, noticeQuery).aviso === 'saved' ? request.t('registrations.admin.saved') : undefined,
      }),
  );
  app.post<{ Params: { id: string } }>('/admin/inscripciones/:id', access.roles('admin'), async (request, reply) => {
    const { id } = parseParams(request, idParams, 'registration');
    const values = {
      decision: formString(request.body, 'decision'),
      reason: formString(request.body, 'reason').trim(),
    };
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: decisionInput.safeParse({ decision: values.decision, reason: values.reason || undefined }),
      invalid: (form, status) => registrationPage(request, reply, form, {}, status),
      submit: async (data) => {
        await decideRegistration(db, id, data, actorOf(request), deps.now());
        return `/admin/inscripciones/${id}?aviso=saved`;
      },
      refused: (error) =>
        error instanceof AppError && error.code === 'conflict'
          ? registrationPage(
              request,
              reply,
              emptyForm(),
              { problem: request.t('registrations.admin.notConfirmed') },
              409,
            )
          : undefined,
    });
  });
}
