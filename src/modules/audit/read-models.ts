/**
 * The change log, which other modules read after a cursor (follows) or per record (history). Appended only by
 * appendChange.
 */
export { changeLog } from './schema.js';
