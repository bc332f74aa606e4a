import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { appendChange, type ChangeActor } from '../audit/append-change.js';
import { exercises } from '../exercises/schema.js';
import { documents, quorumRules, secretariats } from './schema.js';

const optionalUrl = (field: string) =>
  z
    .string()
    .trim()
    .max(2000, `${field}.invalid`)
    .refine((value) => value === '' || /^https?:\/\/\S+$/i.test(value), `${field}.invalid`)
    .optional()
    .transform((value) => (value ? value : undefined));

export const installSecretariatInput = z.object({
  exerciseId: z.uuid('exerciseId.required'),
  installedOn: z.iso.date('installedOn.invalid'),
  quorumRule: z.enum(quorumRules, 'quorumRule.required').default('more_than_half'),
  installationActUrl: optionalUrl('installationActUrl'),
  operatingRulesUrl: optionalUrl('operatingRulesUrl'),
});
export type InstallSecretariatInput = z.input<typeof installSecretariatInput>;

/**
 * Installs the Technical Secretariat of an exercise on its installation date, with its installation act and its
 * operating rules as documents (links for now). One Secretariat per exercise (`alreadyInstalled`).
 */
export async function installSecretariat(db: Db, input: InstallSecretariatInput, options: { actor: ChangeActor; documentTitles: { installationAct: string; operatingRules: string } }) {
  const values = installSecretariatInput.parse(input);
  return db.transaction(async (tx) => {
    const [exercise] = await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.id, values.exerciseId));
    if (!exercise) throw notFound('exercise');
    const [existing] = await tx.select({ id: secretariats.id }).from(secretariats).where(eq(secretariats.exerciseId, values.exerciseId));
    if (existing) throw new AppError('conflict', 'already installed', { reason: 'alreadyInstalled' });
    const [row] = await tx.insert(secretariats).values({ exerciseId: values.exerciseId, installedOn: values.installedOn, quorumRule: values.quorumRule }).returning();
    await appendChange(tx, { actor: options.actor, recordType: 'secretariat', recordId: row!.id, action: 'create', after: row });
    const docs = [
      { kind: 'installation_act' as const, url: values.installationActUrl, title: options.documentTitles.installationAct },
      { kind: 'operating_rules' as const, url: values.operatingRulesUrl, title: options.documentTitles.operatingRules },
    ];
    for (const doc of docs) {
      if (!doc.url) continue;
      const [saved] = await tx.insert(documents).values({ kind: doc.kind, title: doc.title, issuedOn: values.installedOn, recordType: 'secretariat', recordId: row!.id, url: doc.url }).returning();
      await appendChange(tx, { actor: options.actor, recordType: 'document', recordId: saved!.id, action: 'create', after: saved });
    }
    return row!;
  });
}
