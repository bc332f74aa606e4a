/** The Secretariat's agreements, which the plan reads to show the agreement behind a commitment. */
export { agreements } from './schema.js';
