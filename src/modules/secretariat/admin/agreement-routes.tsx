import type { FastifyInstance } from 'fastify';
import { formValues, submitForm } from '../../../web/forms.js';
import { followUpAgreement, followUpAgreementInput } from '../follow-up-agreement.js';
import { getAgreement } from '../list-agreements.js';
import { actorOf } from '../../../kernel/access.js';
import { sessionAdminContext, forms, type Deps } from './route-context.js';

/** An agreement's follow-up (/admin/secretariado/acuerdos/:id/seguimiento), answered on its session's page. */
export function agreementAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, runners, uuidParam, sessionPage, sessionProblem } = sessionAdminContext(deps);

  app.post<{ Params: { id: string } }>(
    '/admin/secretariado/acuerdos/:id/seguimiento',
    runners,
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const { agreement } = await getAgreement(db, { id });
      const values = formValues(request.body, ['status', 'note']);
      return submitForm(request, reply, {
        messages: { ...forms, idFor: (field) => `${field}-${id}` },
        values,
        parsed: followUpAgreementInput.safeParse(values),
        invalid: (form, status) =>
          sessionPage(request, reply, agreement.sessionId, {
            forms: { followUp: { ...form, agreementId: id } },
            status,
          }),
        submit: async (data) => {
          await followUpAgreement(db, id, data, { actor: actorOf(request) });
          return `/admin/secretariado/sesiones/${agreement.sessionId}?aviso=seguimiento`;
        },
        refused: (error) => sessionProblem(request, reply, agreement.sessionId, error),
      });
    },
  );
}
