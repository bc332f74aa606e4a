import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { AppError } from '../../shared/errors.js';
import type { FormIssue, FormMessages } from '../../web/forms.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { evaluationHref } from './views/results-page.js';

const notices: Record<string, MessageKey> = {
  informe: 'evaluation.notice.report',
  diseno: 'evaluation.notice.design',
  cierre: 'evaluation.notice.end',
};
const problems: Record<string, MessageKey> = {
  alreadyReported: 'evaluation.problem.alreadyReported',
  finalReportMissing: 'evaluation.problem.finalReportMissing',
  notReviewable: 'evaluation.problem.notReviewable',
  methodInUse: 'evaluation.problem.methodInUse',
};
const forms: FormMessages = { prefix: 'evaluation.error', fallback: 'error.badRequest.body' };

/** A refusal that belongs on the form: the use case's own issues (validation with `issues`). */
const issuesOf = (error: unknown): readonly FormIssue[] | undefined =>
  error instanceof AppError && error.code === 'validation' && Array.isArray(error.details?.issues)
    ? (error.details.issues as FormIssue[])
    : undefined;
const problemOf = (error: unknown): MessageKey | undefined => {
  if (!(error instanceof AppError) || error.code !== 'conflict') return undefined;
  const reason = error.details?.reason;
  return typeof reason === 'string' ? problems[reason] : undefined;
};
/** Empty strings as absent, so optional choices and texts parse as not given. */
const present = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));

/**
 * What the evaluation's route files share: the database, the options of a write (who, when, the time zone), where a
 * form goes once done (the commitment's evaluation with its notice), and an assessment's default assessor.
 */
export function evaluationContext(deps: ModuleDeps) {
  const { db, config } = deps;
  const writeOptions = (request: FastifyRequest) => ({
    actor: actorOf(request),
    now: deps.now(),
    timeZone: config.TIME_ZONE,
  });
  const doneAt = (commitment: { exerciseSlug: string; number: number }, notice: string) =>
    `${evaluationHref(commitment.exerciseSlug, commitment.number)}?aviso=${notice}`;
  const assessorDefaults = (request: FastifyRequest) => ({
    assessorName: actorOf(request).name,
    assessorOrganisation: '',
  });
  return { db, config, writeOptions, doneAt, assessorDefaults };
}

export { forms, issuesOf, notices, present, problemOf };
