/**
 * Sign-ups as other modules read them: the Secretariat chooses its civil-society candidates among the accepted ones.
 */
export { registrations } from './schema.js';
