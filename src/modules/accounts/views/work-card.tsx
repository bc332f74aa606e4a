import type { ComponentChildren } from 'preact';
import { usePage } from '../../../web/page-context.js';

/**
 * One area of work as a card: its name (a link), and what waits there, counted ("3 inscripciones por revisar"), with
 * a note (the nearest due date). `count` 0 says nothing waits.
 */
export function WorkCard(props: {
  title: string;
  href: string;
  /** What waits, counted, with its words: `{ count: 3, label: '3 por revisar' }`. */
  waiting?: { count: number; label: string } | undefined;
  note?: ComponentChildren;
  lead?: string | undefined;
}) {
  const { t } = usePage();
  const { waiting } = props;
  return (
    <article class={waiting && waiting.count > 0 ? 'card work-card work-card--waiting' : 'card work-card'}>
      <h2 class="card__title">
        <a href={props.href}>{props.title}</a>
      </h2>
      {props.lead ? <p class="card__meta">{props.lead}</p> : null}
      {waiting ? (
        <p class="work-card__count">{waiting.count > 0 ? waiting.label : t('accounts.desk.nothingWaits')}</p>
      ) : null}
      {props.note ? <p class="hint">{props.note}</p> : null}
    </article>
  );
}
