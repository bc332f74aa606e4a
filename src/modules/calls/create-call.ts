import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { appendChange, type ChangeActor } from '../audit/append-change.js';
import { callStatuses, calls } from './schema.js';

export const createCallInput = z
  .object({
    exerciseId: z.uuid(),
    title: z.string().trim().min(3).max(300),
    summary: z.string().trim().min(3).max(2000),
    considerations: z.array(z.string().trim().min(1).max(5000)).max(50).default([]),
    generalObjective: z.string().trim().min(3).max(5000),
    specificObjectives: z.array(z.string().trim().min(1).max(5000)).max(50).default([]),
    requirements: z.array(z.string().trim().min(1).max(2000)).max(50).default([]),
    themes: z.array(z.string().trim().min(1).max(120)).max(40).default([]),
    eligibleStateCode: z.string().regex(/^\d{2}$/),
    opensAt: z.date(),
    closesAt: z.date(),
    status: z.enum(callStatuses).default('draft'),
    contactEmail: z.email(),
    resultsText: z.string().trim().max(10000).optional(),
  })
  .refine((value) => value.opensAt < value.closesAt, { message: 'the call must close after it opens', path: ['closesAt'] });
export type CreateCallInput = z.input<typeof createCallInput>;

export async function createCall(db: Db, input: CreateCallInput, actor: ChangeActor = null) {
  const values = createCallInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(calls).values(values).returning();
    await appendChange(tx, { actor, recordType: 'call', recordId: row!.id, action: 'create', after: row });
    return row!;
  });
}
