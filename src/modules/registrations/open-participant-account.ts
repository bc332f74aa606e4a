import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { registerParticipant, registerParticipantInput } from '../accounts/register-participant.js';
import { recordConsent } from '../privacy/record-consent.js';

export const openParticipantAccountInput = registerParticipantInput.extend({ privacyNoticeId: z.uuid() });
export type OpenParticipantAccountInput = z.infer<typeof openParticipantAccountInput>;

/**
 * Opens a participant account with the person's consent to the privacy notice they were shown, in one transaction
 * (the account is the accounts module's; the consent the privacy module's).
 */
export async function openParticipantAccount(
  db: Db,
  input: OpenParticipantAccountInput,
  options: { baseUrl: string; siteName: string },
): Promise<void> {
  const { privacyNoticeId, ...account } = input;
  await registerParticipant(db, account, {
    ...options,
    onOpened: (tx, userId) => recordConsent(tx, { userId, noticeId: privacyNoticeId, purpose: 'account' }),
  });
}
