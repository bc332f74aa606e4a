import type { Db } from '../../db/client.js';
import { isSystemActor, type ActingParty } from '../../kernel/actor.js';
import type { ModulePersonalData } from '../../kernel/personal-data.js';
import { AppError } from '../../shared/errors.js';
import { invalidatePublicPages } from '../audit/append-change.js';
import { personalDataSubject } from './personal-data-subject.js';

/**
 * Cancels an account (ARCO cancellation) in one transaction: every module anonymises what it holds about the person
 * (its manifest's `personalData.anonymise`), from the last module of the registry to the first, so the accounts
 * module, which turns the account into an anonymous placeholder and ends its sessions, goes last. Public records
 * stay and point to the placeholder; what each module keeps and why is in docs/decisions/0029. Only the person
 * themselves (or the portal acting itself) may cancel an account; cancelling it again changes nothing.
 */
export async function cancelAccount(
  db: Db,
  userId: string,
  actor: ActingParty,
  options: { parts: readonly ModulePersonalData[]; now: Date },
): Promise<void> {
  if (!isSystemActor(actor) && actor.userId !== userId)
    throw new AppError('forbidden', 'only the person themselves may cancel their account');
  await db.transaction(async (tx) => {
    const subject = await personalDataSubject(tx, userId, options.parts);
    if (subject.status === 'deleted') return;
    for (const part of [...options.parts].reverse()) await part.anonymise?.(tx, subject, { now: options.now });
    // Public pages showed the person's name (a comment's author) or words: every process drops its cached pages.
    await invalidatePublicPages(tx);
  });
}
