import type { Db } from '../db/client.js';
import type { Actor } from './actor.js';

/**
 * What a module says of a stored file it references: `public` (a public record points to it), `allowed` (a record
 * not public yet points to it, and this person may see that record), `denied` (not public, and this person may not).
 * `undefined`: the module does not reference the file.
 */
export type FileAccess = 'public' | 'allowed' | 'denied';
export type FileAccessCheck = (db: Db, fileId: string, actor: Actor | undefined) => Promise<FileAccess | undefined>;
