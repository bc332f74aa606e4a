import type { FastifyInstance } from 'fastify';
import { formValues, submitForm, withIssues, emptyForm } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import { noticeKey } from '../../../web/params.js';
import { listExercises } from '../../exercises/list-exercises.js';
import { blankCallForm, callFormFields, parseCallForm } from '../call-form.js';
import { createCall } from '../create-call.js';
import { listCalls } from '../list-calls.js';
import { AdminCallsPage } from '../views/admin-calls.js';
import { actorOf } from '../../../kernel/access.js';
import { callAdminContext, forms, notices, type Deps } from './route-context.js';

/** The list of calls (/admin/convocatorias) and a new call, saved as a draft. */
export function callListAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, admin, zone, newCallPage } = callAdminContext(deps);

  app.get<{ Querystring: { aviso?: string } }>('/admin/convocatorias', admin, async (request, reply) => {
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      title: request.t('calls.admin.title'),
      body: (
        <AdminCallsPage
          calls={await listCalls(db)}
          zone={zone}
          now={deps.now()}
          notice={notice ? request.t(notice) : undefined}
        />
      ),
    });
  });

  app.get<{ Querystring: { ejercicio?: string } }>('/admin/convocatorias/nueva', admin, (request, reply) =>
    newCallPage(request, reply, emptyForm(blankCallForm(request.query.ejercicio ?? ''))),
  );

  app.post('/admin/convocatorias/nueva', admin, async (request, reply) => {
    const values = formValues(request.body, callFormFields);
    const exercise = (await listExercises(db)).find((e) => e.id === values.exerciseId);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: withIssues(parseCallForm(values, zone), {
        before: exercise ? [] : [{ path: ['exerciseId'], message: 'exerciseId.required' }],
      }),
      invalid: (form, status) => newCallPage(request, reply, form, status),
      submit: async (data) => {
        const call = await createCall(
          db,
          { ...data, exerciseId: exercise!.id, eligibleStateCode: exercise!.stateCode, status: 'draft' },
          actorOf(request),
        );
        return `/admin/convocatorias/${call.id}?aviso=creada`;
      },
    });
  });
}
