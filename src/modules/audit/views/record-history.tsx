import { Fragment, type ComponentChildren } from 'preact';
import { Table } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { hasMessage, type Translate } from '../../../web/i18n/i18n.js';
import { SYSTEM_ACTOR_LABEL } from '../append-change.js';
import type { JsonValue } from '../change-hash.js';
import type { FieldChange, HistoryEntry } from '../list-record-history.js';
import { auditMessages } from '../messages.js';

const FIELD_PREFIX = 'audit.field.';
const fieldOrder = Object.keys(auditMessages.es)
  .filter((key) => key.startsWith(FIELD_PREFIX))
  .map((key) => key.slice(FIELD_PREFIX.length));
const rank = (field: string) => {
  const index = fieldOrder.indexOf(field);
  return index === -1 ? fieldOrder.length : index;
};

const MAX_TEXT = 300;
const calendarDate = /^\d{4}-\d{2}-\d{2}$/;
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A record type by name ("compromiso"), or as stored when no module gave it a name. */
function recordTypeName(t: Translate, recordType: string): string {
  const key = `audit.recordType.${recordType}`;
  return hasMessage(key) ? t(key) : recordType;
}

function FieldName(props: { field: string }) {
  const { t } = usePage();
  const key = `${FIELD_PREFIX}${props.field}`;
  return hasMessage(key) ? <>{t(key)}</> : <code>{props.field}</code>;
}

/** A stored value in words: dates in full, phases and statuses by name, long texts shortened. */
function FieldValue(props: { field: string; value: JsonValue; recordType?: string | undefined }): ComponentChildren {
  const { t, format, valueLabel } = usePage();
  const { field, value } = props;
  if (value === null) return <span class="hint">{t('audit.history.emptyValue')}</span>;
  if (typeof value === 'boolean') return t(value ? 'audit.history.yes' : 'audit.history.no');
  if (typeof value === 'number') return format.number(value);
  if (typeof value === 'string') {
    // Statuses and phases in words, as each module declares them (its manifest's `records` and `fieldLabels`).
    const label = valueLabel?.(props.recordType, field, value);
    if (label) return t(label);
    if (calendarDate.test(value)) return format.calendarDate(value);
    if (instant.test(value)) return <time dateTime={value}>{format.dateTime(new Date(value))}</time>;
    if (value.length <= MAX_TEXT) return value;
    return (
      <>
        {value.slice(0, MAX_TEXT).trimEnd()}… <span class="hint">{t('audit.history.shortened')}</span>
      </>
    );
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <span class="hint">{t('audit.history.emptyValue')}</span>;
    return (
      <ul>
        {value.map((item, i) => (
          <li key={i}>
            {field === 'timeline' ? <PlannedPhase item={item} /> : <FieldValue field={field} value={item} />}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul>
      {Object.entries(value).map(([key, item]) => (
        <li key={key}>
          <FieldName field={key} />: <FieldValue field={key} value={item} />
        </li>
      ))}
    </ul>
  );
}

/**
 * One planned phase of an exercise's timeline: "Convocatoria: del 29 de septiembre de 2020 al 15 de noviembre de 2020".
 */
function PlannedPhase(props: { item: JsonValue }) {
  const { t, format, valueLabel } = usePage();
  const item = props.item;
  const phase =
    item !== null && typeof item === 'object' && !Array.isArray(item) && typeof item.phase === 'string'
      ? valueLabel?.('exercise', 'phase', item.phase)
      : undefined;
  if (!phase || item === null || typeof item !== 'object' || Array.isArray(item) || typeof item.startsOn !== 'string') {
    return <FieldValue field="" value={item} />;
  }
  const start = format.calendarDate(item.startsOn);
  const dates =
    typeof item.endsOn === 'string'
      ? t('audit.history.dates', { start, end: format.calendarDate(item.endsOn) })
      : t('audit.history.from', { start });
  return (
    <>
      {t(phase)}: {dates}
    </>
  );
}

function ChangesTable(props: { entry: HistoryEntry }) {
  const { t } = usePage();
  const { entry } = props;
  if (entry.changes.length === 0) return <p>{t('audit.history.noFieldChanges')}</p>;
  const rows = [...entry.changes].sort((a, b) => rank(a.field) - rank(b.field) || a.field.localeCompare(b.field));
  const fieldColumn = {
    header: t('audit.history.field'),
    cell: (change: FieldChange) => <FieldName field={change.field} />,
  };
  const before = (header: string) => ({
    header,
    cell: (change: FieldChange) => (
      <FieldValue field={change.field} value={change.before} recordType={entry.recordType} />
    ),
  });
  const after = (header: string) => ({
    header,
    cell: (change: FieldChange) => (
      <FieldValue field={change.field} value={change.after} recordType={entry.recordType} />
    ),
  });
  const columns =
    entry.action === 'create'
      ? [fieldColumn, after(t('audit.history.value'))]
      : entry.action === 'delete'
        ? [fieldColumn, before(t('audit.history.previousValue'))]
        : [fieldColumn, before(t('audit.history.before')), after(t('audit.history.after'))];
  return (
    <Table
      caption={t('audit.history.caption', { seq: entry.seq })}
      columns={columns}
      rows={rows}
      rowKey={(change) => change.field}
    />
  );
}

/**
 * A public record's history: each entry of the change log with when, who, what and the fields before and after,
 * newest first, and a note on how the chain makes it verifiable.
 */
export function RecordHistory(props: { entries: HistoryEntry[]; hasMore?: boolean }) {
  const { t, format } = usePage();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('audit.history.title')}</h2>
      <p>{t('audit.history.intro')}</p>
      {props.entries.length === 0 ? <p>{t('audit.history.empty')}</p> : null}
      {props.hasMore ? <p>{t('audit.history.more', { count: props.entries.length })}</p> : null}
      {props.entries.map((entry) => (
        <article key={entry.seq} aria-labelledby={`change-${entry.seq}`}>
          <h3 id={`change-${entry.seq}`}>
            {t(`audit.action.${entry.action}`)}:{' '}
            <time dateTime={entry.occurredAt.toISOString()}>{format.dateTime(entry.occurredAt)}</time>
          </h3>
          <dl class="meta-list">
            {entry.recordTitle && entry.recordType && hasMessage(`audit.recordType.${entry.recordType}`) ? (
              <div>
                <dt>{t('audit.history.record')}</dt>
                <dd>
                  {t('audit.history.recordNamed', {
                    kind: recordTypeName(t, entry.recordType),
                    title: entry.recordTitle,
                  })}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('audit.history.who')}</dt>
              <dd>
                {entry.actorId === null && entry.actorLabel === SYSTEM_ACTOR_LABEL
                  ? t('audit.history.system')
                  : entry.actorLabel}
              </dd>
            </div>
            <div>
              <dt>{t('audit.history.entry')}</dt>
              <dd>
                {t('audit.history.entryNumber', { seq: entry.seq })}, {t('audit.history.fingerprint')}{' '}
                <code>{entry.hash.slice(0, 12)}</code>
              </dd>
            </div>
          </dl>
          <ChangesTable entry={entry} />
          {entry.redacted?.length ? (
            <p>
              {t('audit.history.redacted')}{' '}
              {entry.redacted.map((field, i) => (
                <Fragment key={field}>
                  {i > 0 ? ', ' : ''}
                  <FieldName field={field} />
                </Fragment>
              ))}
            </p>
          ) : null}
        </article>
      ))}
      <p class="hint">{t('audit.history.verifiable')}</p>
    </section>
  );
}
