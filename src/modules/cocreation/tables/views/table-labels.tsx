import { StatusBadge } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import type { WorkshopStatus } from '../../schema.js';

export function TableStatusBadge(props: { status: WorkshopStatus }) {
  const { t } = usePage();
  return (
    <StatusBadge tone={props.status === 'scheduled' ? 'info' : 'neutral'}>
      {t(`cocreation.tableStatus.${props.status}`)}
    </StatusBadge>
  );
}

/** Places taken of the capacity, the waiting list and, once recorded, the attendance: figures only. */
export function TableFigures(props: {
  figures: { registered: number; waitlisted: number; attended: number };
  capacity: number;
}) {
  const { t, format } = usePage();
  const { figures } = props;
  return (
    <>
      {t('cocreation.table.taken', {
        taken: format.number(figures.registered),
        capacity: format.number(props.capacity),
      })}
      {figures.waitlisted > 0 ? ` ${t('cocreation.table.waiting', { count: format.number(figures.waitlisted) })}` : ''}
      {figures.attended > 0
        ? ` ${t('cocreation.table.attendedCount', { count: format.number(figures.attended) })}`
        : ''}
    </>
  );
}
