import { StatusBadge, type BadgeTone } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import type { ProposalStatus, proposals } from '../../schema.js';

const statusTones: Record<ProposalStatus, BadgeTone> = { proposed: 'info', accepted: 'success', rejected: 'neutral' };

export function ProposalStatusBadge(props: { status: ProposalStatus }) {
  const { t } = usePage();
  return <StatusBadge tone={statusTones[props.status]}>{t(`cocreation.proposalStatus.${props.status}`)}</StatusBadge>;
}

/** Who a proposal is from, as the public reads it: a participant (never named), or recorded by staff from paper. */
export function ProposalAuthor(props: { proposal: Pick<typeof proposals.$inferSelect, 'channel'> }) {
  const { t } = usePage();
  return (
    <>{t(props.proposal.channel === 'online' ? 'cocreation.proposal.byParticipant' : 'cocreation.proposal.byTable')}</>
  );
}
