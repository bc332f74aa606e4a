/**
 * Calls as other modules read them (their window, state and themes for sign-ups; the exercise's call for the
 * Secretariat).
 */
export { calls, type CallStatus } from './schema.js';
