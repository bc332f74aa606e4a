import { Fragment, type ComponentChildren } from 'preact';
import { stackedTable } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { LabelRef } from '../../../kernel/records.js';
import type { Shown, ShownChange, ShownEntry } from '../present-history.js';
import { auditMessages } from '../messages.js';

const FIELD_PREFIX = 'audit.field.';
const fieldOrder = Object.keys(auditMessages.es)
  .filter((key) => key.startsWith(FIELD_PREFIX))
  .map((key) => key.slice(FIELD_PREFIX.length));
const rank = (field: string) => {
  const index = fieldOrder.indexOf(field);
  return index === -1 ? fieldOrder.length : index;
};
/** The changes of an entry in the order the history lists fields (audit.field.* in messages.ts). */
export const orderedChanges = (changes: readonly ShownChange[]) =>
  [...changes].sort((a, b) => rank(a.field) - rank(b.field) || a.field.localeCompare(b.field));

/** Where an entry's comparison (its values in full, before and after) and its technical view live. */
export const entryHref = (seq: number) => `/historial/${seq}`;
export const technicalHref = (seq: number) => `/historial/${seq}/tecnico`;
export const fieldAnchor = (field: string) => `campo-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** "Hito «Rutas publicadas»", or the kind alone when the record has no public name. */
export function recordName(t: ReturnType<typeof usePage>['t'], record: NonNullable<ShownEntry['record']>): string {
  const title =
    typeof record.title === 'string' || record.title === undefined
      ? record.title
      : t(record.title.key, record.title.params);
  return title ? t('audit.history.recordNamed', { kind: t(record.kind.key), title }) : t(record.kind.key);
}

export function Label(props: { label: LabelRef }) {
  const { t } = usePage();
  return <>{t(props.label.key, props.label.params)}</>;
}

function formatBytes(bytes: number, t: ReturnType<typeof usePage>['t'], number: (n: number) => string) {
  if (bytes < 1024 * 1024) return t('audit.history.kilobytes', { size: number(Math.max(1, Math.round(bytes / 1024))) });
  return t('audit.history.megabytes', { size: number(Math.round((bytes / (1024 * 1024)) * 10) / 10) });
}

/** A logged value in words, dates and numbers in the visitor's language. */
export function ShownValue(props: { value: Shown }): ComponentChildren {
  const { t, format } = usePage();
  const { value } = props;
  switch (value.kind) {
    case 'none':
      return <span class="hint">{t('audit.history.emptyValue')}</span>;
    case 'text':
      return value.text.includes('\n') ? (
        <>
          {value.text.split(/\n+/).map((line, i) => (
            <Fragment key={i}>
              {i > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </>
      ) : (
        value.text
      );
    case 'label':
      return <Label label={value.label} />;
    case 'boolean':
      return t(value.value ? 'audit.history.yes' : 'audit.history.no');
    case 'number':
      return format.number(value.value);
    case 'percent':
      return t('audit.history.percent', { value: format.number(Math.round(value.value)) });
    case 'bytes':
      return formatBytes(value.value, t, format.number);
    case 'date':
      return <time dateTime={value.value}>{format.calendarDate(value.value)}</time>;
    case 'instant':
      return <time dateTime={value.value}>{format.dateTime(new Date(value.value))}</time>;
    case 'period': {
      const start = format.calendarDate(value.start);
      return (
        <>
          <ShownValue value={value.phase} />:{' '}
          {value.end
            ? t('audit.history.dates', { start, end: format.calendarDate(value.end) })
            : t('audit.history.from', { start })}
        </>
      );
    }
    case 'fieldSide':
      return t(value.side === 'before' ? 'audit.history.fieldBefore' : 'audit.history.fieldAfter', {
        field: t(value.field.key, value.field.params),
      });
    case 'list':
      return value.items.length === 1 ? (
        <ShownValue value={value.items[0]!} />
      ) : (
        <ul class="history-list">
          {value.items.map((item, i) => (
            <li key={i}>
              <ShownValue value={item} />
            </li>
          ))}
        </ul>
      );
    case 'fields':
      return (
        <ul class="history-list">
          {value.items.map((item, i) => (
            <li key={i}>
              <Label label={item.label} />: <ShownValue value={item.value} />
            </li>
          ))}
        </ul>
      );
  }
}

/** A long value in a list of changes: what happened to it, and a link to read it in full. */
function LongChange(props: { entry: ShownEntry; change: ShownChange }) {
  const { t } = usePage();
  const { entry, change } = props;
  const what = change.isText
    ? entry.action === 'create'
      ? 'audit.history.longCreated'
      : entry.action === 'delete'
        ? 'audit.history.longDeleted'
        : 'audit.history.longChanged'
    : entry.action === 'create'
      ? 'audit.history.dataCreated'
      : entry.action === 'delete'
        ? 'audit.history.dataDeleted'
        : 'audit.history.dataChanged';
  const link =
    entry.action === 'update' ? 'audit.history.compare' : change.isText ? 'audit.history.read' : 'audit.history.see';
  return (
    <>
      {t(what)}.{' '}
      <a href={`${entryHref(entry.seq)}#${fieldAnchor(change.field)}`}>
        {t(link)}
        <span class="visually-hidden">: {t(change.label.key, change.label.params)}</span>
      </a>
    </>
  );
}

function ChangesTable(props: { entry: ShownEntry }) {
  const { t } = usePage();
  const { entry } = props;
  if (entry.changes.length === 0) return <p>{t('audit.history.noFieldChanges')}</p>;
  const isUpdate = entry.action === 'update';
  const value = (change: ShownChange, side: 'before' | 'after') =>
    change.isLong ? <LongChange entry={entry} change={change} /> : <ShownValue value={change[side]} />;
  const headers =
    entry.action === 'create'
      ? [t('audit.history.value')]
      : entry.action === 'delete'
        ? [t('audit.history.previousValue')]
        : [t('audit.history.before'), t('audit.history.after')];
  return (
    <div class="table-wrap">
      <table class="table table--stack history-table" {...stackedTable.table}>
        <caption class="visually-hidden">{t('audit.history.caption')}</caption>
        <thead {...stackedTable.rowGroup}>
          <tr {...stackedTable.row}>
            <th scope="col" {...stackedTable.header}>
              {t('audit.history.field')}
            </th>
            {headers.map((header) => (
              <th scope="col" key={header} {...stackedTable.header}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody {...stackedTable.rowGroup}>
          {orderedChanges(entry.changes).map((change) => (
            <tr key={change.field} {...stackedTable.row}>
              <th scope="row" class="cell--primary" role="rowheader">
                <Label label={change.label} />
              </th>
              {isUpdate && change.isLong ? (
                <td colSpan={2} {...stackedTable.cell(t('audit.history.change'))}>
                  <LongChange entry={entry} change={change} />
                </td>
              ) : isUpdate ? (
                <>
                  <td {...stackedTable.cell(headers[0]!)}>{value(change, 'before')}</td>
                  <td {...stackedTable.cell(headers[1]!)}>{value(change, 'after')}</td>
                </>
              ) : (
                <td {...stackedTable.cell(headers[0]!)}>
                  {value(change, entry.action === 'delete' ? 'before' : 'after')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Hito «Rutas publicadas»: modificación" or "Modificación", with its date. */
export function EntryHeading(props: { entry: ShownEntry; id?: string; level?: 'h2' | 'h3' | undefined }) {
  const { t, format } = usePage();
  const { entry } = props;
  const Heading = props.level ?? 'h3';
  return (
    <Heading id={props.id}>
      {entry.record ? (
        <>
          {recordName(t, entry.record)}
          {' · '}
        </>
      ) : null}
      {t(`audit.action.${entry.action}`)}:{' '}
      <time dateTime={entry.occurredAt.toISOString()}>{format.dateTime(entry.occurredAt)}</time>
    </Heading>
  );
}

export function WhoDidIt(props: { entry: ShownEntry }) {
  const { t } = usePage();
  return <>{props.entry.actor ?? t('audit.history.system')}</>;
}

function RedactedNote(props: { entry: ShownEntry }) {
  const { t } = usePage();
  if (props.entry.redacted.length === 0) return null;
  return (
    <p>
      {t('audit.history.redacted')}{' '}
      {props.entry.redacted.map((label, i) => (
        <Fragment key={label.key}>
          {i > 0 ? ', ' : ''}
          <Label label={label} />
        </Fragment>
      ))}
    </p>
  );
}

/** One entry of a history: when, who, what changed, and links to its detail. */
export function HistoryEntryView(props: { entry: ShownEntry; level?: 'h2' | 'h3'; compact?: boolean }) {
  const { t } = usePage();
  const { entry } = props;
  return (
    <article class="history-entry" aria-labelledby={`change-${entry.seq}`}>
      <EntryHeading entry={entry} id={`change-${entry.seq}`} level={props.level} />
      <p class="history-meta">
        {t('audit.history.who')}: <WhoDidIt entry={entry} /> ·{' '}
        <a href={entryHref(entry.seq)}>
          {t('audit.history.detail')}
          <span class="visually-hidden">
            {' '}
            ({t(`audit.action.${entry.action}`)}, {t('audit.history.entryNumber', { seq: entry.seq })})
          </span>
        </a>
      </p>
      {props.compact && entry.action === 'create' ? (
        // The record's page shows what it holds now: its creation says how many data it started with.
        <p>{t('audit.history.createdWith', { count: entry.changes.length })}</p>
      ) : (
        <ChangesTable entry={entry} />
      )}
      <RedactedNote entry={entry} />
    </article>
  );
}

/**
 * A public record's latest changes, newest first: each with when, who, and its fields before and after in words;
 * long texts only say they changed and link to the comparison. A link leads to the full history when there is more.
 */
export function RecordHistory(props: {
  entries: readonly ShownEntry[];
  hasMore?: boolean;
  /** The record's full history page (shown when older entries were left out). */
  fullHref?: string | undefined;
  /** Creations in one line (the record's page shows what it holds); true unless said otherwise. */
  compact?: boolean;
}) {
  const { t } = usePage();
  return (
    <section aria-labelledby="history-heading" class="history">
      <h2 id="history-heading">{t('audit.history.title')}</h2>
      <p>{t('audit.history.intro')}</p>
      {props.entries.length === 0 ? <p>{t('audit.history.empty')}</p> : null}
      {props.hasMore && props.fullHref ? (
        <p>
          {t('audit.history.latest', { count: props.entries.length })}{' '}
          <a href={props.fullHref}>{t('audit.history.seeAll')}</a>
        </p>
      ) : props.hasMore ? (
        <p>{t('audit.history.more', { count: props.entries.length })}</p>
      ) : null}
      {props.entries.map((entry) => (
        <HistoryEntryView key={entry.seq} entry={entry} compact={props.compact ?? true} />
      ))}
      {props.hasMore && props.fullHref ? (
        <p>
          <a href={props.fullHref}>{t('audit.history.seeAll')}</a>
        </p>
      ) : null}
      <p class="hint">{t('audit.history.verifiable')}</p>
    </section>
  );
}
