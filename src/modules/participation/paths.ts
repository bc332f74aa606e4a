import { signInPath } from '../../shared/safe-redirect.js';
import type { TargetRef } from '../../kernel/records.js';

/** Addresses of the participation forms (the POST routes in routes.tsx). */
export const participationPaths = {
  comment: (target: TargetRef) =>
    `/participacion/${encodeURIComponent(target.recordType)}/${encodeURIComponent(target.recordId)}/comentarios`,
  commentPage: (target: TargetRef) =>
    `/participacion/${encodeURIComponent(target.recordType)}/${encodeURIComponent(target.recordId)}/comentar`,
  follow: (target: TargetRef) =>
    `/participacion/${encodeURIComponent(target.recordType)}/${encodeURIComponent(target.recordId)}/seguir`,
  unfollow: (target: TargetRef) =>
    `/participacion/${encodeURIComponent(target.recordType)}/${encodeURIComponent(target.recordId)}/dejar-de-seguir`,
  report: (commentId: string) => `/participacion/comentarios/${commentId}/reportar`,
  hide: (commentId: string) => `/participacion/comentarios/${commentId}/ocultar`,
  follows: '/cuenta/seguimientos',
  signIn: signInPath,
};
