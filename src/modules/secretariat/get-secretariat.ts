import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { storedFiles } from '../files/read-models.js';
import { fileColumns, type FileSummary } from './document-files.js';
import { documents, secretariatMemberships, secretariats, secretariatSeats, secretariatSessions } from './schema.js';

export type SeatWithHolders = typeof secretariatSeats.$inferSelect & {
  institutionName: string | null;
  memberships: (typeof secretariatMemberships.$inferSelect)[];
};

/**
 * A Secretariat with its exercise, seats (each with its institution and every membership, past and current),
 * documents (each with its stored file, if it is one) and sessions.
 */
export async function getSecretariat(db: Db, where: { id: string } | { exerciseId: string }) {
  const [row] = await db
    .select({ secretariat: secretariats, exercise: exercises })
    .from(secretariats)
    .innerJoin(exercises, eq(exercises.id, secretariats.exerciseId))
    .where('id' in where ? eq(secretariats.id, where.id) : eq(secretariats.exerciseId, where.exerciseId))
    .limit(1);
  if (!row) throw notFound('secretariat');
  const seatRows = await db
    .select({ seat: secretariatSeats, institutionName: institutions.name })
    .from(secretariatSeats)
    .leftJoin(institutions, eq(institutions.id, secretariatSeats.institutionId))
    .where(eq(secretariatSeats.secretariatId, row.secretariat.id))
    .orderBy(asc(secretariatSeats.position));
  const memberships = seatRows.length
    ? await db
        .select()
        .from(secretariatMemberships)
        .where(
          inArray(
            secretariatMemberships.seatId,
            seatRows.map((s) => s.seat.id),
          ),
        )
        .orderBy(desc(secretariatMemberships.startsOn), desc(secretariatMemberships.role))
    : [];
  const seats: SeatWithHolders[] = seatRows.map((s) => ({
    ...s.seat,
    institutionName: s.institutionName,
    memberships: memberships.filter((m) => m.seatId === s.seat.id),
  }));
  const [docRows, sessions] = await Promise.all([
    db
      .select({ document: documents, file: fileColumns })
      .from(documents)
      .leftJoin(storedFiles, eq(storedFiles.id, documents.fileId))
      .where(and(eq(documents.recordType, 'secretariat'), eq(documents.recordId, row.secretariat.id)))
      .orderBy(asc(documents.kind)),
    db
      .select()
      .from(secretariatSessions)
      .where(eq(secretariatSessions.secretariatId, row.secretariat.id))
      .orderBy(asc(secretariatSessions.startsAt)),
  ]);
  const docs = docRows.map((d) => ({ ...d.document, file: d.file as FileSummary | null }));
  return { ...row, seats, documents: docs, sessions };
}
export type SecretariatDetail = Awaited<ReturnType<typeof getSecretariat>>;

/** Whether an exercise has its Secretariat installed (for the exercise page's link). */
export async function hasSecretariat(db: Db, exerciseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: secretariats.id })
    .from(secretariats)
    .where(eq(secretariats.exerciseId, exerciseId))
    .limit(1);
  return Boolean(row);
}

/** The id of each installed Secretariat by its exercise id (one query, for the admin list). */
export async function listSecretariatIds(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ id: secretariats.id, exerciseId: secretariats.exerciseId }).from(secretariats);
  return new Map(rows.map((r) => [r.exerciseId, r.id]));
}
