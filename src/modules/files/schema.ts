import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from '../../db/columns.js';
import { users } from '../accounts/schema.js';

/** PostgreSQL bytea as a Node Buffer (both drivers return Uint8Array/Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Uploaded files (evidence, plan documents). The bytes live in the database so several app processes share them and
 * `cocrea backup` carries them. The MIME type is the one sniffed from the content, never the one the browser sent.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: id(),
    content: bytea('content').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    originalName: text('original_name').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_sha256_idx').on(t.sha256)],
);
