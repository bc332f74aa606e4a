import { publicBaseUrl } from '../../config.js';
import { notFound } from '../../shared/errors.js';
import { getExercise } from '../exercises/get-exercise.js';
import { getSecretariat } from './get-secretariat.js';
import { getSession } from './get-session.js';
import { parseSessionKey } from './session-calendar.js';
import { localDate } from './sessions.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

/**
 * What the public pages of an exercise's Technical Secretariat share: today in the portal's zone, the portal's
 * address for calendar links, and the Secretariat of an exercise (and one of its sessions) by the page's address.
 */
export function secretariatPublicContext(deps: ModuleDeps) {
  const { db, config } = deps;
  const today = () => localDate(deps.now(), config.TIME_ZONE);
  // Calendar links point to the configured address, never to the Host a request names.
  const baseUrl = () => publicBaseUrl(config);

  const load = async (slug: string) => {
    const { exercise } = await getExercise(db, slug);
    return getSecretariat(db, { exerciseId: exercise.id });
  };

  const loadSession = async (slug: string, key: string) => {
    const parsed = parseSessionKey(key);
    if (!parsed) throw notFound('session');
    const secretariat = await load(slug);
    const detail = await getSession(db, { secretariatId: secretariat.secretariat.id, ...parsed });
    return { secretariat, detail };
  };

  return { db, today, baseUrl, load, loadSession };
}
