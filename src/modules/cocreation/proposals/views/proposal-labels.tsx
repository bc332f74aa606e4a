import { StatusBadge, type BadgeTone } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { tablePath } from '../../paths.js';
import type { ProposalStatus, proposals } from '../../schema.js';

const statusTones: Record<ProposalStatus, BadgeTone> = { proposed: 'info', accepted: 'success', rejected: 'neutral' };

export function ProposalStatusBadge(props: { status: ProposalStatus }) {
  const { t } = usePage();
  return <StatusBadge tone={statusTones[props.status]}>{t(`cocreation.proposalStatus.${props.status}`)}</StatusBadge>;
}

/**
 * Who a proposal is from, as the public reads it: the co-creation table it came out of (its author), a participant
 * (never named), or recorded by staff from paper.
 */
export function ProposalAuthor(props: {
  exerciseSlug: string;
  proposal: Pick<typeof proposals.$inferSelect, 'channel'>;
  table: { number: number; title: string } | null;
}) {
  const { t } = usePage();
  if (props.table)
    return (
      <a href={tablePath(props.exerciseSlug, props.table.number)}>
        {t('cocreation.proposal.fromTable', { number: props.table.number, title: props.table.title })}
      </a>
    );
  return (
    <>{t(props.proposal.channel === 'online' ? 'cocreation.proposal.byParticipant' : 'cocreation.proposal.byTable')}</>
  );
}
