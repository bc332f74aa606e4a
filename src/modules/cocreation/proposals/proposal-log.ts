import type { proposals } from '../schema.js';

type ProposalRow = typeof proposals.$inferSelect;

/**
 * What the public change log keeps of a proposal: its public fields only, never its author or whoever recorded it
 * (decision 7: the log is public and permanent).
 */
export function proposalLogView(proposal: ProposalRow) {
  return {
    exerciseId: proposal.exerciseId,
    number: proposal.number,
    problemId: proposal.problemId,
    workshopId: proposal.workshopId,
    title: proposal.title,
    description: proposal.description,
    channel: proposal.channel,
    status: proposal.status,
    isHidden: proposal.hiddenAt !== null,
    hiddenReason: proposal.hiddenReason,
  };
}

/** The public fields of a proposal record (the manifest declares them; the log keeps only these). */
export const proposalPublicFields = [
  'number',
  'exerciseId',
  'problemId',
  'workshopId',
  'title',
  'description',
  'channel',
  'status',
  'reasonCode',
  'explanation',
  'agreementCode',
  'isHidden',
  'hiddenReason',
] as const;
