import type { ComponentChildren } from 'preact';
import { Breadcrumbs, PageHeading, stackedTable } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { Shown, ShownChange, ShownEntry } from '../present-history.js';
import { diffWords } from '../word-diff.js';
import {
  fieldAnchor,
  HistoryEntryView,
  Label,
  orderedChanges,
  recordName,
  ShownValue,
  technicalHref,
  WhoDidIt,
} from './record-history.js';

/** A text value (or a list of texts, one a line) as plain text, for the word comparison; else undefined. */
function plainText(value: Shown): string | undefined {
  if (value.kind === 'none') return '';
  if (value.kind === 'text') return value.text;
  if (value.kind === 'list' && value.items.every((item) => item.kind === 'text'))
    return value.items.map((item) => (item.kind === 'text' ? item.text : '')).join('\n');
  return undefined;
}

function WordDiff(props: { before: string; after: string }) {
  const { t } = usePage();
  const parts = diffWords(props.before, props.after);
  if (!parts) return null;
  return (
    <div class="word-diff">
      <h3>{t('audit.entry.whatChanged')}</h3>
      <p class="hint">{t('audit.entry.diffLegend')}</p>
      <p class="word-diff-text">
        {parts.map((part, i) =>
          part.kind === 'same' ? (
            part.text
          ) : part.kind === 'removed' ? (
            <del key={i}>
              <span class="visually-hidden">[{t('audit.entry.removed')}: </span>
              {part.text}
              <span class="visually-hidden">]</span>
            </del>
          ) : (
            <ins key={i}>
              <span class="visually-hidden">[{t('audit.entry.added')}: </span>
              {part.text}
              <span class="visually-hidden">]</span>
            </ins>
          ),
        )}
      </p>
    </div>
  );
}

/** One field of an entry in full: its value, or its value before and after with the words that changed. */
function FieldInFull(props: { entry: ShownEntry; change: ShownChange }) {
  const { t } = usePage();
  const { entry, change } = props;
  const before = plainText(change.before);
  const after = plainText(change.after);
  const sides: [string, Shown][] =
    entry.action === 'create'
      ? [[t('audit.history.value'), change.after]]
      : entry.action === 'delete'
        ? [[t('audit.history.previousValue'), change.before]]
        : [
            [t('audit.history.before'), change.before],
            [t('audit.history.after'), change.after],
          ];
  return (
    <section
      id={fieldAnchor(change.field)}
      aria-labelledby={`${fieldAnchor(change.field)}-heading`}
      class="entry-field"
    >
      <h2 id={`${fieldAnchor(change.field)}-heading`}>
        <Label label={change.label} />
      </h2>
      <div class={sides.length === 2 ? 'compare' : undefined}>
        {sides.map(([heading, value]) => (
          <div key={heading}>
            <h3>{heading}</h3>
            <div class="compare-value">
              <ShownValue value={value} />
            </div>
          </div>
        ))}
      </div>
      {entry.action === 'update' && before !== undefined && after !== undefined && before !== '' && after !== '' ? (
        <WordDiff before={before} after={after} />
      ) : null}
    </section>
  );
}

/** The fields a record was created with (or had when deleted), each in full. */
function FieldsInFull(props: { entry: ShownEntry; changes: readonly ShownChange[] }) {
  const { t } = usePage();
  const side = props.entry.action === 'delete' ? 'before' : 'after';
  const valueHeader = t(side === 'before' ? 'audit.history.previousValue' : 'audit.history.value');
  return (
    <div class="table-wrap">
      <table class="table table--stack history-table" {...stackedTable.table}>
        <caption class="visually-hidden">{t('audit.history.caption')}</caption>
        <thead {...stackedTable.rowGroup}>
          <tr {...stackedTable.row}>
            <th scope="col" {...stackedTable.header}>
              {t('audit.history.field')}
            </th>
            <th scope="col" {...stackedTable.header}>
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody {...stackedTable.rowGroup}>
          {props.changes.map((change) => (
            <tr key={change.field} id={fieldAnchor(change.field)} {...stackedTable.row}>
              <th scope="row" class="cell--primary" role="rowheader">
                <Label label={change.label} />
              </th>
              <td {...stackedTable.cell(valueHeader)}>
                <ShownValue value={change[side]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One change of the public history in full: who and when, every field it touched with its whole value (long texts
 * before and after, and the words that changed), and a link to its technical data.
 */
export function ChangeEntryPage(props: { entry: ShownEntry; recordHref?: string | undefined }) {
  const { t, format } = usePage();
  const { entry } = props;
  const changes = orderedChanges(entry.changes);
  return (
    <>
      <Breadcrumbs items={[{ label: t('nav.home'), href: '/' }, { label: t('audit.entry.crumb') }]} />
      <PageHeading
        title={t('audit.entry.title', { date: format.dateTime(entry.occurredAt) })}
        lead={t('audit.entry.lead')}
      />
      <dl class="meta-list">
        {entry.record ? (
          <div>
            <dt>{t('audit.history.record')}</dt>
            <dd>
              {props.recordHref ? (
                <a href={props.recordHref}>
                  <RecordName entry={entry} />
                </a>
              ) : (
                <RecordName entry={entry} />
              )}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('audit.entry.what')}</dt>
          <dd>{t(`audit.action.${entry.action}`)}</dd>
        </div>
        <div>
          <dt>{t('audit.history.who')}</dt>
          <dd>
            <WhoDidIt entry={entry} />
          </dd>
        </div>
        <div>
          <dt>{t('audit.entry.when')}</dt>
          <dd>
            <time dateTime={entry.occurredAt.toISOString()}>{format.dateTime(entry.occurredAt)}</time>
          </dd>
        </div>
      </dl>
      {changes.length === 0 ? <p>{t('audit.history.noFieldChanges')}</p> : null}
      {entry.action === 'update' ? (
        changes.map((change) => <FieldInFull key={change.field} entry={entry} change={change} />)
      ) : changes.length > 0 ? (
        <FieldsInFull entry={entry} changes={changes} />
      ) : null}
      {entry.redacted.length > 0 ? (
        <p>
          {t('audit.history.redacted')}{' '}
          {entry.redacted.map((label, i) => (
            <span key={label.key}>
              {i > 0 ? ', ' : ''}
              <Label label={label} />
            </span>
          ))}
        </p>
      ) : null}
      <h2>{t('audit.entry.technicalHeading')}</h2>
      <p>
        {t('audit.entry.technicalLead')} <a href={technicalHref(entry.seq)}>{t('audit.entry.technicalLink')}</a>
      </p>
    </>
  );
}

function RecordName(props: { entry: ShownEntry }) {
  const { t } = usePage();
  const record = props.entry.record!;
  return <>{recordName(t, record)}</>;
}

/** The logged entry as it is: identifiers, JSON and the fingerprints that chain it, for whoever checks the log. */
export function TechnicalEntryPage(props: {
  entry: {
    seq: number;
    occurredAt: Date;
    actorLabel: string;
    recordType: string;
    recordId: string;
    action: string;
    before: unknown;
    after: unknown;
    digests: unknown;
    prevHash: string;
    hash: string;
  };
}) {
  const { t } = usePage();
  const { entry } = props;
  const row = (label: string, value: ComponentChildren) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('nav.home'), href: '/' },
          { label: t('audit.entry.crumb'), href: `/historial/${entry.seq}` },
          { label: t('audit.technical.crumb') },
        ]}
      />
      <PageHeading title={t('audit.technical.title', { seq: entry.seq })} lead={t('audit.technical.lead')} />
      <dl class="meta-list technical">
        {row(t('audit.technical.seq'), <code>{entry.seq}</code>)}
        {row(t('audit.technical.occurredAt'), <code>{entry.occurredAt.toISOString()}</code>)}
        {row(t('audit.technical.actor'), <code>{entry.actorLabel}</code>)}
        {row(t('audit.technical.recordType'), <code>{entry.recordType}</code>)}
        {row(t('audit.technical.recordId'), <code>{entry.recordId}</code>)}
        {row(t('audit.technical.action'), <code>{entry.action}</code>)}
        {row(t('audit.technical.prevHash'), <code class="hash">{entry.prevHash}</code>)}
        {row(t('audit.technical.hash'), <code class="hash">{entry.hash}</code>)}
      </dl>
      <h2>{t('audit.technical.before')}</h2>
      <pre class="json" tabIndex={0}>
        {JSON.stringify(entry.before, null, 2)}
      </pre>
      <h2>{t('audit.technical.after')}</h2>
      <pre class="json" tabIndex={0}>
        {JSON.stringify(entry.after, null, 2)}
      </pre>
      <h2>{t('audit.technical.digests')}</h2>
      <pre class="json" tabIndex={0}>
        {JSON.stringify(entry.digests, null, 2)}
      </pre>
      <p>{t('audit.technical.verify')}</p>
      <p>
        <a href={`/datos/historial.json?desde=${Math.max(0, entry.seq - 1)}`}>{t('audit.technical.openData')}</a>
      </p>
    </>
  );
}

/** A record's full history, a page at a time, newest first. */
export function RecordHistoryPage(props: {
  title: string;
  crumbs: { label: string; href?: string }[];
  recordHref: string;
  /** The first page of this full history. */
  historyHref: string;
  entries: readonly ShownEntry[];
  olderHref?: string | undefined;
  isFirstPage: boolean;
}) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs items={[...props.crumbs, { label: t('audit.history.title') }]} />
      <PageHeading title={t('audit.historyPage.title', { title: props.title })} lead={t('audit.history.intro')}>
        <p>
          <a href={props.recordHref}>{t('audit.historyPage.back', { title: props.title })}</a>
        </p>
      </PageHeading>
      {props.entries.length === 0 ? <p>{t('audit.history.empty')}</p> : null}
      {!props.isFirstPage ? (
        <p>
          <a href={props.historyHref}>{t('audit.historyPage.newest')}</a>
        </p>
      ) : null}
      {props.entries.map((entry) => (
        <HistoryEntryView key={entry.seq} entry={entry} level="h2" />
      ))}
      {props.olderHref ? (
        <p>
          <a href={props.olderHref}>{t('audit.historyPage.older')}</a>
        </p>
      ) : null}
      <p class="hint">{t('audit.history.verifiable')}</p>
    </>
  );
}
