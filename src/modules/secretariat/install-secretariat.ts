import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDate } from '../../shared/calendar-date.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { exercises } from '../exercises/schema.js';
import { sourceProblem, storeDocumentFile, type FileFacts, type FileUpload } from './document-files.js';
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
  installedOn: calendarDate('installedOn.invalid'),
  quorumRule: z.enum(quorumRules, 'quorumRule.required').default('more_than_half'),
  installationActUrl: optionalUrl('installationActUrl'),
  operatingRulesUrl: optionalUrl('operatingRulesUrl'),
});
export type InstallSecretariatInput = z.input<typeof installSecretariatInput>;
/** The uploaded files of the installation form, by document; each document is a file or a link, not both. */
export interface InstallSecretariatFiles {
  installationActFile?: FileUpload | undefined;
  operatingRulesFile?: FileUpload | undefined;
}

/**
 * A form field and what is wrong with it: `missing` (neither file nor link) on the file field, `both` on the link
 * field.
 */
export interface DocumentProblem {
  field: string;
  reason: 'missing' | 'both';
}

/** What is wrong with the two documents of an installation: each needs an uploaded file or a link, exactly one. */
export function installDocumentProblems(
  urls: { installationActUrl?: string | undefined; operatingRulesUrl?: string | undefined },
  files: InstallSecretariatFiles,
): DocumentProblem[] {
  return (['installationAct', 'operatingRules'] as const).flatMap((doc) => {
    const reason = sourceProblem({ file: files[`${doc}File`], url: urls[`${doc}Url`] }, true);
    return reason ? [{ field: reason === 'missing' ? `${doc}File` : `${doc}Url`, reason }] : [];
  });
}

/**
 * Installs the Technical Secretariat of an exercise on its installation date, with its installation act and its
 * operating rules as documents, each an uploaded file (PDF, images, office documents; at most 10 MB) or a link.
 * One Secretariat per exercise (`alreadyInstalled`). A document with neither or both is refused (`validation`,
 * details.reason 'missing' or 'both' and the form `field`), and so is a refused file ('fileType', 'fileEmpty',
 * 'fileSize', with its `field`). The change log carries each file's name, type, size and SHA-256, not its bytes.
 */
export async function installSecretariat(
  db: Db,
  input: InstallSecretariatInput & InstallSecretariatFiles,
  options: { actor: ActingParty; documentTitles: { installationAct: string; operatingRules: string } },
) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  const values = installSecretariatInput.parse(input);
  const [problem] = installDocumentProblems(values, input);
  if (problem)
    throw new AppError('validation', 'a document needs a file or a link, exactly one', {
      reason: problem.reason,
      field: problem.field,
    });
  return db.transaction(async (tx) => {
    const [exercise] = await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.id, values.exerciseId));
    if (!exercise) throw notFound('exercise');
    const [existing] = await tx
      .select({ id: secretariats.id })
      .from(secretariats)
      .where(eq(secretariats.exerciseId, values.exerciseId));
    if (existing) throw new AppError('conflict', 'already installed', { reason: 'alreadyInstalled' });
    const [row] = await tx
      .insert(secretariats)
      .values({ exerciseId: values.exerciseId, installedOn: values.installedOn, quorumRule: values.quorumRule })
      .returning();
    await appendChange(tx, { actor, recordType: 'secretariat', recordId: row!.id, action: 'create', after: row });
    const docs = [
      {
        kind: 'installation_act' as const,
        url: values.installationActUrl,
        file: input.installationActFile,
        field: 'installationActFile',
        title: options.documentTitles.installationAct,
      },
      {
        kind: 'operating_rules' as const,
        url: values.operatingRulesUrl,
        file: input.operatingRulesFile,
        field: 'operatingRulesFile',
        title: options.documentTitles.operatingRules,
      },
    ];
    for (const doc of docs) {
      const stored: { id: string; facts: FileFacts } | undefined = doc.url
        ? undefined
        : await storeDocumentFile(tx, doc.file!, { field: doc.field, uploadedBy: actor.id });
      const [saved] = await tx
        .insert(documents)
        .values({
          kind: doc.kind,
          title: doc.title,
          issuedOn: values.installedOn,
          recordType: 'secretariat',
          recordId: row!.id,
          url: doc.url ?? null,
          fileId: stored?.id ?? null,
        })
        .returning();
      await appendChange(tx, {
        actor,
        recordType: 'document',
        recordId: saved!.id,
        action: 'create',
        after: { ...saved!, file: stored?.facts ?? null },
      });
    }
    return row!;
  });
}
