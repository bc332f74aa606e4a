/**
 * What other modules may read of the accounts module's tables: people's names, e-mail addresses, languages and notice
 * settings (to address e-mail, show authors, list members), and a person's own sessions and roles (the personal-data
 * download). Writes go through this module's use cases.
 */
export { roleAssignments, sessions, users, type NotificationFrequency } from './schema.js';
