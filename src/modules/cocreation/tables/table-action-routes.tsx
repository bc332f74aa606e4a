import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { formList, formValues, submitForm } from '../../../web/forms.js';
import { tablePath } from '../paths.js';
import { moderatorRoles } from '../policy.js';
import { fieldIssueOf, formMessages } from '../route-context.js';
import { closeTable, closeTableInput, recordTableAttendance } from './close-table.js';
import { cancelRegistration, registerForTable, registrationInput } from './register.js';
import { tablePageContext, type TableParams } from './route-context.js';

const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * What people and staff do on a table's page: register and cancel (the waiting list moves up in order), record
 * attendance and close the table.
 */
export function tableActionRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config, baseUrl, tablePage, tableOf, refusedOnPage } = tablePageContext(deps);
  const staff = access.roles(...moderatorRoles);
  const mailing = (request: FastifyRequest) => ({
    now: deps.now(),
    baseUrl: baseUrl(request),
    siteName: config.SITE_NAME,
  });

  app.post<TableParams>('/ejercicios/:slug/mesas/:number/inscripcion', access.signedIn, async (request, reply) => {
    const target = await tableOf(request);
    const values = formValues(request.body, ['accessibilityNeeds', 'interpreterLanguage']);
    return submitForm(request, reply, {
      messages: formMessages('register'),
      values,
      parsed: registrationInput.safeParse(values),
      invalid: (form, status) =>
        tablePage(request, reply, target.slug, target.number, { status, forms: { register: form } }),
      submit: async (data) => {
        await registerForTable(db, target.table.id, data, { actor: actorOf(request), ...mailing(request) });
        return `${tablePath(target.slug, target.number)}?aviso=inscrita#inscripcion`;
      },
      refused: refusedOnPage(request, reply, target),
    });
  });

  app.post<TableParams>(
    '/ejercicios/:slug/mesas/:number/inscripcion/cancelar',
    access.signedIn,
    async (request, reply) => {
      const target = await tableOf(request);
      try {
        await cancelRegistration(db, target.table.id, { actor: actorOf(request), ...mailing(request) });
      } catch (error) {
        const answered = refusedOnPage(request, reply, target)(error);
        if (answered) return answered;
        throw error;
      }
      return reply.redirect(`${tablePath(target.slug, target.number)}?aviso=cancelada#inscripcion`, 303);
    },
  );

  app.post<TableParams>('/ejercicios/:slug/mesas/:number/asistencia', staff, async (request, reply) => {
    const target = await tableOf(request);
    try {
      await recordTableAttendance(
        db,
        target.table.id,
        { attendedIds: formList(request.body, 'attended') },
        { actor: actorOf(request), now: deps.now() },
      );
    } catch (error) {
      const answered = refusedOnPage(request, reply, target)(error);
      if (answered) return answered;
      throw error;
    }
    return reply.redirect(`${tablePath(target.slug, target.number)}?aviso=asistencia`, 303);
  });

  app.post<TableParams>('/ejercicios/:slug/mesas/:number/cierre', staff, async (request, reply) => {
    const target = await tableOf(request);
    const chosen = formList(request.body, 'proposalNumbers');
    const values = {
      ...formValues(request.body, ['closingReport', 'attendingOrganisations']),
      proposalNumbers: chosen.join(','),
    };
    return submitForm(request, reply, {
      messages: formMessages('close'),
      values,
      parsed: closeTableInput.safeParse({
        closingReport: values.closingReport,
        attendingOrganisations: linesOf(values.attendingOrganisations),
        proposalNumbers: chosen,
      }),
      invalid: (form, status) =>
        tablePage(request, reply, target.slug, target.number, { status, forms: { close: form } }),
      submit: async (data) => {
        await closeTable(db, target.table.id, data, { actor: actorOf(request), now: deps.now() });
        return `${tablePath(target.slug, target.number)}?aviso=cerrada`;
      },
      rejected: fieldIssueOf,
      refused: refusedOnPage(request, reply, target),
    });
  });
}
