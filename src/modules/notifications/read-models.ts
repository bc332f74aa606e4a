/**
 * The outbox, which other modules read to show a mailing's progress or a person's own e-mail. Written by queueEmail and
 * delivery.
 */
export { emails, type EmailStatus } from './schema.js';
