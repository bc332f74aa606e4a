import type { FormMessages } from '../../web/forms.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { localDate } from './business-days.js';

const forms: FormMessages = { prefix: 'privacy.error', fallback: 'error.badRequest.body' };

/** Today in the portal's time zone (ARCO deadlines and the download's file name count from it). */
const todayOf = (deps: ModuleDeps) => () => localDate(deps.now(), deps.config.TIME_ZONE);

export { forms, todayOf };
