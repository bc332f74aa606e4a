import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { formValues } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { noticeKey, requireId } from '../../web/params.js';
import { listEvaluationMethods, setEvaluationMethod, setEvaluationMethodInput } from './evaluation-method.js';
import { evaluationContext, notices, present, problemOf } from './route-context.js';
import { AdminMethodsPage } from './views/admin-methods-page.js';

/** The assessment method of each exercise (admins): /admin/evaluacion. */
export function evaluationMethodRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = evaluationContext(deps);

  const methodsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { status?: number; problem?: MessageKey } = {},
  ) => {
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('evaluation.admin.title'),
      body: (
        <AdminMethodsPage
          entries={await listEvaluationMethods(db)}
          notice={notice ? request.t(notice) : undefined}
          problem={options.problem ? request.t(options.problem) : undefined}
        />
      ),
    });
  };
  const admins = access.roles('admin');
  app.get('/admin/evaluacion', admins, (request, reply) => methodsPage(request, reply));
  app.post<{ Params: { exerciseId: string } }>(
    '/admin/evaluacion/:exerciseId/metodo',
    admins,
    async (request, reply) => {
      const exerciseId = requireId(request.params.exerciseId, 'exercise');
      const parsed = setEvaluationMethodInput.safeParse(present(formValues(request.body, ['method'])));
      if (!parsed.success)
        return methodsPage(request, reply, { status: 400, problem: 'evaluation.error.method.required' });
      try {
        await setEvaluationMethod(db, exerciseId, parsed.data, { actor: actorOf(request) });
      } catch (error) {
        const problem = problemOf(error);
        if (problem) return methodsPage(request, reply, { status: 409, problem });
        throw error;
      }
      return reply.redirect('/admin/evaluacion?aviso=metodo', 303);
    },
  );
}
