import type { FastifyInstance } from 'fastify';
import { formValues, submitForm, withIssues, emptyForm } from '../../../web/forms.js';
import { withUpload } from '../../files/guards.js';
import { uploadedFile } from '../../files/routes.js';
import { installDocumentProblems, installSecretariat, installSecretariatInput } from '../install-secretariat.js';
import { actorOf } from '../../../kernel/access.js';
import {
  secretariatAdminContext,
  documentFailure,
  documentIssues,
  forms,
  problemOf,
  trimmed,
  type Deps,
} from './route-context.js';

/** The list of Secretariats (/admin/secretariado) and the installation of one (admins only). */
export function secretariatListAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, admin, runners, listPage } = secretariatAdminContext(deps);

  app.get('/admin/secretariado', runners, (request, reply) =>
    listPage(request, reply, emptyForm({ quorumRule: 'more_than_half' })),
  );

  const files = { files: ['installationActFile', 'operatingRulesFile'] };
  app.post('/admin/secretariado', withUpload(admin, files), async (request, reply) => {
    const values = formValues(request.body, [
      'exerciseId',
      'installedOn',
      'quorumRule',
      'installationActUrl',
      'operatingRulesUrl',
    ]);
    const files = {
      installationActFile: uploadedFile(request.body, 'installationActFile'),
      operatingRulesFile: uploadedFile(request.body, 'operatingRulesFile'),
    };
    const documents = installDocumentProblems(
      { installationActUrl: trimmed(values.installationActUrl), operatingRulesUrl: trimmed(values.operatingRulesUrl) },
      files,
    );
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: withIssues(installSecretariatInput.safeParse(values), { after: documentIssues(documents) }),
      invalid: (form, status) => listPage(request, reply, form, { status }),
      submit: async (data) => {
        const row = await installSecretariat(
          db,
          { ...data, ...files },
          {
            actor: actorOf(request),
            documentTitles: {
              installationAct: request.t('secretariat.document.installationAct'),
              operatingRules: request.t('secretariat.document.operatingRules'),
            },
          },
        );
        return `/admin/secretariado/${row.id}?aviso=instalado`;
      },
      rejected: (error) => documentFailure(request, error, values),
      refused: (error) => {
        const problem = problemOf(error);
        return problem
          ? listPage(request, reply, emptyForm(values), { status: 409, problem: request.t(problem) })
          : undefined;
      },
    });
  });
}
