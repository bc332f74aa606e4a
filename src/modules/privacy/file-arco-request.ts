import { z } from 'zod';
import { count, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { arcoKinds, arcoRequests } from './schema.js';
import { addBusinessDays, localDate } from './business-days.js';

/** Legal deadlines (Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados). */
export const ARCO_ANSWER_BUSINESS_DAYS = 20;
export const ARCO_EXTENSION_BUSINESS_DAYS = 10;

export const fileArcoRequestInput = z.object({
  kind: z.enum(arcoKinds, 'kind.required'),
  description: z.string().trim().min(10, 'description.tooShort').max(5000, 'description.tooLong'),
});

/** Files an ARCO request for a signed-in person; its folio and due date are set at once. */
export async function fileArcoRequest(
  db: Db,
  userId: string,
  input: z.infer<typeof fileArcoRequestInput>,
  options: { now: Date; timeZone: string },
) {
  const today = localDate(options.now, options.timeZone);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(461778215)`);
    const year = today.slice(0, 4);
    const [row] = await tx
      .select({ n: count() })
      .from(arcoRequests)
      .where(sql`${arcoRequests.folio} like ${`ARCO-${year}-%`}`);
    const folio = `ARCO-${year}-${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
    const [request] = await tx
      .insert(arcoRequests)
      .values({
        folio,
        userId,
        kind: input.kind,
        description: input.description,
        receivedAt: options.now,
        dueOn: addBusinessDays(today, ARCO_ANSWER_BUSINESS_DAYS),
      })
      .returning();
    return request!;
  });
}
