import type { AgreementOutcome, VoteChoice } from './schema.js';

export interface VoteTally {
  for: number;
  against: number;
  abstain: number;
}

export type VoteResult = ({ canDecide: true; outcome: AgreementOutcome } | { canDecide: false; outcome: undefined }) &
  VoteTally;

/**
 * The result of a vote: approved when votes for outnumber votes against; a tie is not approved (and said so);
 * abstentions do not count either way. Without quorum the session cannot decide at all.
 */
export function voteResult(votes: readonly VoteChoice[], options: { hasQuorum: boolean }): VoteResult {
  const tally: VoteTally = { for: 0, against: 0, abstain: 0 };
  for (const vote of votes) tally[vote] += 1;
  if (!options.hasQuorum) return { canDecide: false, outcome: undefined, ...tally };
  const outcome: AgreementOutcome =
    tally.for > tally.against ? 'approved' : tally.for === tally.against ? 'tied' : 'rejected';
  return { canDecide: true, outcome, ...tally };
}
