/** The Secretariat's agreements, which the plan reads to show the agreement behind a commitment. */
export { agreements } from './schema.js';
/** The Secretariat of each exercise and its sessions, which the public API lists (api module). */
export { secretariats, secretariatSessions } from './schema.js';
/** Its seats (kind, institution, label: no person), which the next exercise carries over as a starting point (evaluation). */
export { secretariatSeats } from './schema.js';
