import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { isChosen, sourceProblem, storeDocumentFile, type FileUpload } from './document-files.js';
import { changeSession, lockSession } from './sessions.js';

const optionalUrl = (field: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(
      z
        .url({ protocol: /^https?$/, error: `${field}.invalid` })
        .max(2000, `${field}.invalid`)
        .optional(),
    );

export const writeMinutesInput = z.object({
  minutesText: z
    .string()
    .trim()
    .max(100_000, 'minutesText.tooLong')
    .optional()
    .transform((value) => (value ? value : undefined)),
  minutesUrl: optionalUrl('minutesUrl'),
  recordingUrl: optionalUrl('recordingUrl'),
});
export type WriteMinutesInput = z.input<typeof writeMinutesInput>;

/** Whether the signed minutes sent with a minutes form have both a file and a link (`both`), else undefined. */
export const minutesProblem = (urls: { minutesUrl?: string | undefined }, file: FileUpload | undefined) =>
  sourceProblem({ file, url: urls.minutesUrl }, false);

/**
 * Saves the draft minutes of a held session (text written here and/or the signed minutes, as an uploaded file or a
 * link, not both) and its recording. A new file or a link replaces the signed minutes saved before; with neither,
 * an uploaded file saved before stays. Refused with `validation`: details.reason 'both' (field `minutesUrl`), or
 * 'fileType', 'fileEmpty', 'fileSize' (field `minutesFile`).
 */
export async function writeMinutes(
  db: Db,
  sessionId: string,
  input: WriteMinutesInput & { minutesFile?: FileUpload | undefined },
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin', 'facilitator');
  const actor = changeActorOf(options.actor);
  const values = writeMinutesInput.parse(input);
  if (minutesProblem(values, input.minutesFile))
    throw new AppError('validation', 'signed minutes: a file or a link, not both', {
      reason: 'both',
      field: 'minutesUrl',
    });
  const file = isChosen(input.minutesFile) ? input.minutesFile : undefined;
  return db.transaction(async (tx) => {
    const before = await lockSession(tx, sessionId, ['held', 'no_quorum']);
    const stored = file ? await storeDocumentFile(tx, file, { field: 'minutesFile', uploadedBy: actor.id }) : undefined;
    const minutesFileId = stored ? stored.id : values.minutesUrl ? null : before.minutesFileId;
    return changeSession(
      tx,
      before,
      {
        minutesText: values.minutesText ?? null,
        minutesUrl: values.minutesUrl ?? null,
        minutesFileId,
        recordingUrl: values.recordingUrl ?? null,
      },
      actor,
    );
  });
}

/** Approves the minutes of a held session, which publishes them (`minutesMissing` when there are none yet). */
export async function approveMinutes(db: Db, sessionId: string, options: { actor: ActingParty; now: Date }) {
  assertHoldsRole(options.actor, 'admin', 'facilitator');
  const actor = changeActorOf(options.actor);
  return db.transaction(async (tx) => {
    const before = await lockSession(tx, sessionId, ['held']);
    if (!before.minutesText && !before.minutesUrl && !before.minutesFileId)
      throw new AppError('conflict', 'no minutes to approve', { reason: 'minutesMissing' });
    return changeSession(tx, before, { status: 'minutes_approved', minutesApprovedAt: options.now }, actor);
  });
}

export const cancelSessionInput = z.object({
  reason: z.string().trim().min(1, 'reason.required').max(2000, 'reason.tooLong'),
});

/** Cancels a session that has not been held, with the reason the public reads. */
export async function cancelSession(
  db: Db,
  sessionId: string,
  input: z.input<typeof cancelSessionInput>,
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin', 'facilitator');
  const actor = changeActorOf(options.actor);
  const values = cancelSessionInput.parse(input);
  return db.transaction(async (tx) => {
    const before = await lockSession(tx, sessionId, ['scheduled', 'convened']);
    return changeSession(tx, before, { status: 'cancelled', cancellationReason: values.reason }, actor);
  });
}
