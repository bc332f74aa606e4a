import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { fieldErrors, formString } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { publicActor } from '../../kernel/actor.js';
import { emptyForm, type FormState } from '../accounts/views/auth-pages.js';
import { createInstitution, createInstitutionInput } from './create-institution.js';
import { updateInstitution } from './update-institution.js';
import { getInstitution, listInstitutions } from './list-institutions.js';
import { listMunicipalities } from './list-municipalities.js';
import type { InstitutionKind } from './schema.js';
import { InstitutionEditPage, InstitutionsAdminPage } from './views/institutions-admin.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

const governmentKinds = new Set<InstitutionKind>(['guarantor', 'state_executive', 'state_legislative', 'state_judicial', 'municipal_government', 'autonomous_body']);
const fields = ['name', 'acronym', 'kind', 'municipalityCvegeo', 'website', 'contactEmail'];

/** The form's strings as the use case's input: empty optional fields are absent; government follows the kind. */
function parseForm(body: unknown) {
  const values = Object.fromEntries(fields.map((name) => [name, formString(body, name).trim()]));
  const input = {
    name: values.name,
    acronym: values.acronym || undefined,
    kind: values.kind,
    isGovernment: governmentKinds.has(values.kind as InstitutionKind),
    municipalityCvegeo: values.municipalityCvegeo || undefined,
    website: values.website || undefined,
    contactEmail: values.contactEmail || undefined,
  };
  return { values: values as Record<string, string>, parsed: createInstitutionInput.safeParse(input) };
}

export function directoryRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const failed = (request: FastifyRequest, issues: z.core.$ZodIssue[], values: Record<string, string>): FormState => {
    const { byField, summary } = fieldErrors(issues, request.t, 'directory.error', 'error.badRequest.body');
    return { values, errors: byField, summary };
  };
  const listPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, notice?: string, status = 200) => {
    const [rows, municipalities] = await Promise.all([listInstitutions(db), listMunicipalities(db)]);
    return sendPage(request, reply, deps, { status, title: request.t('directory.admin.title'), body: <InstitutionsAdminPage rows={rows} form={form} municipalities={municipalities} notice={notice} /> });
  };
  const uuid = (id: string) => {
    if (!z.uuid().safeParse(id).success) throw new AppError('not_found', 'institution');
    return id;
  };

  app.get<{ Querystring: { aviso?: string } }>('/admin/instituciones', access.roles('admin'), (request, reply) =>
    listPage(request, reply, emptyForm(), request.query.aviso === 'saved' ? request.t('directory.admin.saved') : undefined),
  );
  app.post('/admin/instituciones', access.roles('admin'), async (request, reply) => {
    const { values, parsed } = parseForm(request.body);
    if (!parsed.success) return listPage(request, reply, failed(request, parsed.error.issues, values), undefined, 400);
    await createInstitution(db, parsed.data, publicActor(request.actor!));
    return reply.redirect('/admin/instituciones?aviso=saved', 303);
  });
  app.get<{ Params: { id: string } }>('/admin/instituciones/:id', access.roles('admin'), async (request, reply) => {
    const institution = await getInstitution(db, uuid(request.params.id));
    const values = Object.fromEntries(fields.map((name) => [name, String((institution as Record<string, unknown>)[name] ?? '')]));
    return sendPage(request, reply, deps, {
      title: request.t('directory.admin.edit', { name: institution.name }),
      body: <InstitutionEditPage id={institution.id} name={institution.name} form={emptyForm(values)} municipalities={await listMunicipalities(db)} />,
    });
  });
  app.post<{ Params: { id: string } }>('/admin/instituciones/:id', access.roles('admin'), async (request, reply) => {
    const institution = await getInstitution(db, uuid(request.params.id));
    const { values, parsed } = parseForm(request.body);
    if (!parsed.success) {
      return sendPage(request, reply, deps, {
        status: 400,
        title: request.t('directory.admin.edit', { name: institution.name }),
        body: <InstitutionEditPage id={institution.id} name={institution.name} form={failed(request, parsed.error.issues, values)} municipalities={await listMunicipalities(db)} />,
      });
    }
    await updateInstitution(db, institution.id, parsed.data, publicActor(request.actor!));
    return reply.redirect('/admin/instituciones?aviso=saved', 303);
  });
}
