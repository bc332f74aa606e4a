import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formString, submitForm, type FormMessages, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { idParams, noticeQuery, parseParams, parseQuery } from '../../web/params.js';
import { createInstitution, createInstitutionInput } from './create-institution.js';
import { updateInstitution } from './update-institution.js';
import { getInstitution, listInstitutions } from './list-institutions.js';
import { listMunicipalities } from './list-municipalities.js';
import type { InstitutionKind } from './schema.js';
import { InstitutionEditPage, InstitutionsAdminPage } from './views/institutions-admin.js';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

const governmentKinds: ReadonlySet<string> = new Set<InstitutionKind>([
  'guarantor',
  'state_executive',
  'state_legislative',
  'state_judicial',
  'municipal_government',
  'autonomous_body',
]);
const fields = ['name', 'acronym', 'kind', 'municipalityCvegeo', 'website', 'contactEmail'];
const forms: FormMessages = { prefix: 'directory.error', fallback: 'error.badRequest.body' };

/** The form's strings as the use case's input: empty optional fields are absent; government follows the kind. */
function parseForm(body: unknown) {
  const values = Object.fromEntries(fields.map((name) => [name, formString(body, name).trim()]));
  const input = {
    name: values.name,
    acronym: values.acronym || undefined,
    kind: values.kind,
    isGovernment: governmentKinds.has(values.kind ?? ''),
    municipalityCvegeo: values.municipalityCvegeo || undefined,
    website: values.website || undefined,
    contactEmail: values.contactEmail || undefined,
  };
  return { values, parsed: createInstitutionInput.safeParse(input) };
}

export function directoryRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    notice?: string,
    status = 200,
  ) => {
    const [rows, municipalities] = await Promise.all([listInstitutions(db), listMunicipalities(db)]);
    return sendPage(request, reply, deps, {
      status,
      title: request.t('directory.admin.title'),
      body: <InstitutionsAdminPage rows={rows} form={form} municipalities={municipalities} notice={notice} />,
    });
  };

  app.get<{ Querystring: { aviso?: string } }>('/admin/instituciones', access.roles('admin'), (request, reply) =>
    listPage(
      request,
      reply,
      emptyForm(),
      parseQuery(request, noticeQuery).aviso === 'saved' ? request.t('directory.admin.saved') : undefined,
    ),
  );
  app.post('/admin/instituciones', access.roles('admin'), async (request, reply) => {
    const { values, parsed } = parseForm(request.body);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed,
      invalid: (form, status) => listPage(request, reply, form, undefined, status),
      submit: async (data) => {
        await createInstitution(db, data, actorOf(request));
        return '/admin/instituciones?aviso=saved';
      },
    });
  });
  app.get<{ Params: { id: string } }>('/admin/instituciones/:id', access.roles('admin'), async (request, reply) => {
    const institution = await getInstitution(db, parseParams(request, idParams, 'institution').id);
    const { name, acronym, kind, municipalityCvegeo, website, contactEmail } = institution;
    const values = {
      name,
      acronym: acronym ?? '',
      kind,
      municipalityCvegeo: municipalityCvegeo ?? '',
      website: website ?? '',
      contactEmail: contactEmail ?? '',
    };
    return sendPage(request, reply, deps, {
      title: request.t('directory.admin.edit', { name: institution.name }),
      body: (
        <InstitutionEditPage
          id={institution.id}
          name={institution.name}
          form={emptyForm(values)}
          municipalities={await listMunicipalities(db)}
        />
      ),
    });
  });
  app.post<{ Params: { id: string } }>('/admin/instituciones/:id', access.roles('admin'), async (request, reply) => {
    const institution = await getInstitution(db, parseParams(request, idParams, 'institution').id);
    const { values, parsed } = parseForm(request.body);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed,
      invalid: async (form, status) =>
        sendPage(request, reply, deps, {
          status,
          title: request.t('directory.admin.edit', { name: institution.name }),
          body: (
            <InstitutionEditPage
              id={institution.id}
              name={institution.name}
              form={form}
              municipalities={await listMunicipalities(db)}
            />
          ),
        }),
      submit: async (data) => {
        await updateInstitution(db, institution.id, data, actorOf(request));
        return '/admin/instituciones?aviso=saved';
      },
    });
  });
}
