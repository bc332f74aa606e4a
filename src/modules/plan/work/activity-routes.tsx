import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formString, submitForm } from '../../../web/forms.js';
import { noticeKey, parseParams, uuidParam } from '../../../web/params.js';
import { withUpload } from '../../files/guards.js';
import { uploadedFile } from '../../files/routes.js';
import { AppError } from '../../../shared/errors.js';
import { actorOf } from '../../../kernel/access.js';
import { loadActivity } from '../core/load-activity.js';
import { canReportActivity } from '../core/policy.js';
import { addActivityNote, noteInput } from './add-activity-note.js';
import { attachEvidence, evidenceInput } from './attach-evidence.js';
import { doneInput, markActivityDone } from './mark-activity-done.js';
import { rejectEvidence, rejectInput } from './reject-evidence.js';
import { startActivity } from './start-activity.js';
import { verifyActivity } from './verify-activity.js';
import { activityWorkContext, forms, notices, type Deps } from './route-context.js';

const evidenceParams = z.object({ id: uuidParam, evidenceId: uuidParam });

/**
 * An activity's work page (/actividades/:id), where its institution's liaisons record progress (start, notes,
 * evidence, done) and people outside that institution verify it or reject a piece of evidence.
 */
export function activityRoutes(app: FastifyInstance, deps: Deps) {
  const { db, guard, options, workPage, activityId, workProblem, fieldFailure, act } = activityWorkContext(deps);

  app.get<{ Params: { id: string }; Querystring: { aviso?: string } }>('/actividades/:id', guard, (request, reply) => {
    const notice = noticeKey(request, notices);
    return workPage(request, reply, activityId(request), { notice: notice ? request.t(notice) : undefined });
  });

  app.post<{ Params: { id: string } }>('/actividades/:id/iniciar', guard, (request, reply) =>
    act(request, reply, 'iniciada', undefined, {}, () => startActivity(db, request.params.id, options(request))),
  );

  app.post<{ Params: { id: string } }>('/actividades/:id/notas', guard, async (request, reply) => {
    const id = activityId(request);
    const values = { body: formString(request.body, 'body') };
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: noteInput.safeParse(values),
      invalid: (form, status) => workPage(request, reply, id, { forms: { note: form }, status }),
      submit: async (data) => {
        await addActivityNote(db, id, data, options(request));
        return `/actividades/${id}?aviso=nota`;
      },
      rejected: (error) => fieldFailure(request, error, values),
      refused: (error) => workProblem(request, reply, id, error),
    });
  });

  // The file is read only once the person may add evidence to this activity (its institution's liaison, an admin).
  const evidenceUpload = withUpload(guard, {
    files: ['file'],
    async check(request) {
      const { activity } = await loadActivity(db, activityId(request));
      if (!canReportActivity(actorOf(request), activity)) throw new AppError('forbidden', 'not this activity');
    },
  });
  app.post<{ Params: { id: string } }>('/actividades/:id/evidencias', evidenceUpload, async (request, reply) => {
    const id = activityId(request);
    const values = {
      description: formString(request.body, 'description'),
      url: formString(request.body, 'url').trim(),
    };
    const upload = uploadedFile(request.body, 'file');
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: evidenceInput.safeParse({ description: values.description, url: values.url || undefined }),
      invalid: (form, status) => workPage(request, reply, id, { forms: { evidence: form }, status }),
      submit: async (data) => {
        await attachEvidence(
          db,
          id,
          { ...data, file: upload ? { content: upload.content, filename: upload.filename } : undefined },
          options(request),
        );
        return `/actividades/${id}?aviso=evidencia`;
      },
      rejected: (error) => fieldFailure(request, error, values),
      refused: (error) => workProblem(request, reply, id, error),
    });
  });

  app.post<{ Params: { id: string } }>('/actividades/:id/terminar', guard, async (request, reply) => {
    const id = activityId(request);
    const values = { closingNote: formString(request.body, 'closingNote') };
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: doneInput.safeParse(values),
      invalid: (form, status) => workPage(request, reply, id, { forms: { done: form }, status }),
      submit: async (data) => {
        await markActivityDone(db, id, data, options(request));
        return `/actividades/${id}?aviso=terminada`;
      },
      rejected: (error) => fieldFailure(request, error, values),
      refused: (error) => workProblem(request, reply, id, error),
    });
  });

  app.post<{ Params: { id: string } }>('/actividades/:id/verificar', guard, (request, reply) =>
    act(request, reply, 'verificada', undefined, {}, () => verifyActivity(db, request.params.id, options(request))),
  );

  app.post<{ Params: { id: string; evidenceId: string } }>(
    '/actividades/:id/evidencias/:evidenceId/rechazar',
    guard,
    async (request, reply) => {
      const { id, evidenceId } = parseParams(request, evidenceParams, 'evidence');
      const values = { reason: formString(request.body, 'reason') };
      return submitForm(request, reply, {
        messages: { ...forms, idFor: (field) => `${field}-${evidenceId}` },
        values,
        parsed: rejectInput.safeParse(values),
        invalid: (form, status) => workPage(request, reply, id, { forms: { reject: { ...form, evidenceId } }, status }),
        submit: async (data) => {
          await rejectEvidence(db, evidenceId, data, options(request));
          return `/actividades/${id}?aviso=rechazada`;
        },
        refused: (error) => workProblem(request, reply, id, error),
      });
    },
  );
}
