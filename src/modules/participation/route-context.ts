import type { FormMessages } from '../../web/forms.js';
import type { ResolvedTarget } from '../../kernel/records.js';

/** The address of a participation target's routes: its record type and id. */
export type TargetParams = { Params: { type: string; id: string } };

/** Where a form goes back to: the target's page with a notice, at the comments or at the follow button. */
const backTo = (target: ResolvedTarget, notice: string, anchor: 'comentarios' | 'seguir') =>
  `${target.path}?participacion=${notice}#${anchor}`;

const forms: FormMessages = { prefix: 'participation.error', fallback: 'participation.error.generic' };

export { backTo, forms };
