import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { storeFile } from '../../files/store-file.js';
import { loadActivity } from '../core/load-activity.js';
import { conflict, ensure, logActor, personId, type WriteOptions } from '../core/plan-actor.js';
import { canReportActivity } from '../core/policy.js';
import { evidence } from '../schema.js';

export const evidenceInput = z.object({
  description: z.string().trim().min(3, 'description.required').max(2000, 'description.tooLong'),
  url: z
    .url({ protocol: /^https?$/, message: 'url.invalid' })
    .max(2000, 'url.invalid')
    .optional(),
});

/**
 * Attaches evidence to an activity: a file (checked by content: PDF, PNG, JPEG, WebP, office documents; at most
 * 10 MB) or a link, exactly one of them. Refused with `validation` and `details.reason` 'evidenceMissing',
 * 'evidenceBoth', 'fileType', 'fileEmpty' or 'fileSize'.
 */
export async function attachEvidence(
  db: Db,
  activityId: string,
  input: z.input<typeof evidenceInput> & { file?: { content: Buffer; filename: string } },
  options: WriteOptions,
) {
  const { description, url } = evidenceInput.parse(input);
  const file = input.file && input.file.content.length > 0 ? input.file : undefined;
  if (!file && !url) throw new AppError('validation', 'evidence needs a file or a link', { reason: 'evidenceMissing' });
  if (file && url) throw new AppError('validation', 'a file or a link, not both', { reason: 'evidenceBoth' });
  return db.transaction(async (tx) => {
    const { activity } = await loadActivity(tx, activityId);
    ensure(options.actor, (actor) => canReportActivity(actor, activity), 'add evidence to this activity');
    if (activity.status === 'cancelled' || activity.status === 'verified') throw conflict('evidenceClosed');
    const stored = file
      ? await storeFile(tx, { content: file.content, originalName: file.filename, uploadedBy: personId(options.actor) })
      : undefined;
    const [row] = await tx
      .insert(evidence)
      .values({
        activityId,
        description,
        url: url ?? null,
        fileId: stored?.id ?? null,
        uploadedBy: personId(options.actor),
      })
      .returning();
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'evidence',
      recordId: row!.id,
      action: 'create',
      after: {
        activityId,
        description,
        url: url ?? null,
        file: stored
          ? { name: stored.originalName, type: stored.mimeType, size: stored.size, sha256: stored.sha256 }
          : null,
        status: row!.status,
      },
      occurredAt: options.now,
    });
    return row!;
  });
}
