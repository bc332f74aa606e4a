/** Stored files' metadata (name, type, size, SHA-256) for the records that point to them. Written by storeFile. */
export { storedFiles } from './schema.js';
