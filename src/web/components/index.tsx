import type { ComponentChildren, JSX } from 'preact';
import { usePage } from '../page-context.js';

/* The design system: small, server-rendered components (GOV.UK patterns). Pages compose only these and HTML. */

type ButtonVariant = 'primary' | 'secondary' | 'warning';

export function Button(props: {
  children: ComponentChildren;
  variant?: ButtonVariant;
  type?: 'submit' | 'button';
  name?: string;
  value?: string;
}) {
  return (
    <button
      class={`button button--${props.variant ?? 'primary'}`}
      type={props.type ?? 'submit'}
      name={props.name}
      value={props.value}
    >
      {props.children}
    </button>
  );
}

export function ButtonLink(props: { href: string; children: ComponentChildren; variant?: ButtonVariant }) {
  return (
    <a class={`button button--${props.variant ?? 'primary'}`} href={props.href}>
      {props.children}
    </a>
  );
}

/** The hidden CSRF field every state-changing form carries. */
export function CsrfField() {
  const { csrfToken } = usePage();
  return <input type="hidden" name="_csrf" value={csrfToken} />;
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * GOV.UK error summary: first thing in the form, each error links to its field. Focused on load by the client script.
 */
export function ErrorSummary(props: { errors: FieldError[] }) {
  const { t } = usePage();
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} data-error-summary>
      <h2 id="error-summary-title" class="error-summary__title">
        {t('errorSummary.title')}
      </h2>
      <ul class="error-summary__list">
        {props.errors.map((error) => (
          <li key={error.field}>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  isOptional?: boolean;
}

function FieldFrame(props: FieldProps & { children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label class="field__label" for={props.id}>
        {props.label}
        {props.isOptional ? <span class="field__optional"> {t('form.optional')}</span> : null}
      </label>
      {props.hint ? (
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field__error" id={`${props.id}-error`}>
          <span class="visually-hidden">{t('status.error')}: </span>
          {props.error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

function describedBy(props: FieldProps): string | undefined {
  const ids = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What every control of a field carries: its id, and the links to its hint and error for assistive technology. */
const controlAttributes = (props: FieldProps) => ({
  id: props.id,
  'aria-invalid': props.error ? ('true' as const) : undefined,
  'aria-describedby': describedBy(props),
});

export function TextField(
  props: FieldProps & {
    name: string;
    value?: string | undefined;
    type?: 'text' | 'email' | 'tel' | 'url' | 'password' | 'search' | 'date';
    autocomplete?: string;
    maxLength?: number;
    list?: string;
  },
) {
  return (
    <FieldFrame {...props}>
      <input
        class="field__input"
        {...controlAttributes(props)}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autoComplete={props.autocomplete}
        maxLength={props.maxLength}
        list={props.list}
        required={!props.isOptional}
      />
    </FieldFrame>
  );
}

export function TextArea(
  props: FieldProps & { name: string; value?: string | undefined; rows?: number; maxLength?: number },
) {
  return (
    <FieldFrame {...props}>
      <textarea
        class="field__input field__textarea"
        {...controlAttributes(props)}
        name={props.name}
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        required={!props.isOptional}
      >
        {props.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

/**
 * An upload field (the form needs enctype="multipart/form-data"); `accept` only helps the picker, the server checks the
 * content.
 */
export function FileField(props: FieldProps & { name: string; accept?: string }) {
  return (
    <FieldFrame {...props}>
      <input class="field__input" {...controlAttributes(props)} name={props.name} type="file" accept={props.accept} />
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & { name: string; value?: string | undefined; options: { value: string; label: string }[] },
) {
  return (
    <FieldFrame {...props}>
      <select class="field__input field__select" {...controlAttributes(props)} name={props.name}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of radio buttons in a fieldset whose legend is the question. */
export function RadioGroup(props: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  value?: string | undefined;
  options: { value: string; label: string }[];
}) {
  const { t } = usePage();
  const described =
    [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <fieldset class="fieldset" aria-describedby={described}>
        <legend class="field__label">{props.legend}</legend>
        {props.hint ? (
          <p class="field__hint" id={`${props.id}-hint`}>
            {props.hint}
          </p>
        ) : null}
        {props.error ? (
          <p class="field__error" id={`${props.id}-error`}>
            <span class="visually-hidden">{t('status.error')}: </span>
            {props.error}
          </p>
        ) : null}
        {props.options.map((option, index) => (
          <div class="choice" key={option.value}>
            <input
              class="choice__input"
              type="radio"
              id={index === 0 ? props.id : `${props.id}-${option.value}`}
              name={props.name}
              value={option.value}
              checked={option.value === props.value}
            />
            <label class="choice__label" for={index === 0 ? props.id : `${props.id}-${option.value}`}>
              {option.label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** A single checkbox, e.g. a consent, with its error. */
export function CheckboxField(props: {
  id: string;
  name: string;
  label: ComponentChildren;
  error?: string | undefined;
  isChecked?: boolean;
}) {
  const { t } = usePage();
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      {props.error ? (
        <p class="field__error" id={`${props.id}-error`}>
          <span class="visually-hidden">{t('status.error')}: </span>
          {props.error}
        </p>
      ) : null}
      <div class="choice">
        <input
          class="choice__input"
          type="checkbox"
          id={props.id}
          name={props.name}
          value="yes"
          checked={props.isChecked}
          aria-describedby={props.error ? `${props.id}-error` : undefined}
        />
        <label class="choice__label" for={props.id}>
          {props.label}
        </label>
      </div>
    </div>
  );
}

/** An accessible progress bar (native <progress>, role progressbar) with the figure always visible as text. */
export function ProgressBar(props: { value: number; label: string; id: string }) {
  const { t, format } = usePage();
  const value = Math.max(0, Math.min(100, Math.round(props.value)));
  return (
    <div class="progress">
      <span class="progress__label" id={`${props.id}-label`}>
        {props.label}
      </span>
      <progress
        class="progress__bar"
        max={100}
        value={value}
        aria-labelledby={`${props.id}-label`}
        aria-valuetext={t('progress.value', { value: format.number(value) })}
      >
        {t('progress.value', { value: format.number(value) })}
      </progress>
      <span class="progress__figure" aria-hidden="true">
        {format.percent(value)}
      </span>
    </div>
  );
}

export type AlertKind = 'info' | 'success' | 'warning' | 'error';

export function Alert(props: { kind: AlertKind; children: ComponentChildren; title?: string }) {
  const { t } = usePage();
  const role = props.kind === 'error' || props.kind === 'warning' ? 'alert' : 'status';
  return (
    <div class={`alert alert--${props.kind}`} role={role}>
      <p class="alert__title">
        <strong>{props.title ?? t(`status.${props.kind}`)}</strong>
      </p>
      <div class="alert__body">{props.children}</div>
    </div>
  );
}

/** The outcome of the last action on a page: a success notice and/or a problem, each in its own alert. */
export function Notices(props: { notice?: string | undefined; problem?: string | undefined }) {
  return (
    <>
      {props.notice ? (
        <Alert kind="success">
          <p>{props.notice}</p>
        </Alert>
      ) : null}
      {props.problem ? (
        <Alert kind="error">
          <p>{props.problem}</p>
        </Alert>
      ) : null}
    </>
  );
}

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A status shown as text in a coloured pill; colour is never the only signal. */
export function StatusBadge(props: { tone: BadgeTone; children: ComponentChildren }) {
  return <span class={`badge badge--${props.tone}`}>{props.children}</span>;
}

export function Card(props: {
  title: string;
  href?: string;
  headingLevel?: 2 | 3;
  children?: ComponentChildren;
  meta?: ComponentChildren;
}) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <article class="card">
      <Heading class="card__title">{props.href ? <a href={props.href}>{props.title}</a> : props.title}</Heading>
      {props.meta ? <div class="card__meta">{props.meta}</div> : null}
      {props.children ? <div class="card__body">{props.children}</div> : null}
    </article>
  );
}

export interface Crumb {
  href?: string;
  label: string;
}

export function Breadcrumbs(props: { items: Crumb[] }) {
  const { t } = usePage();
  return (
    <nav class="breadcrumbs" aria-label={t('breadcrumbs.label')}>
      <ol>
        {props.items.map((item, index) =>
          item.href && index < props.items.length - 1 ? (
            <li key={item.label}>
              <a href={item.href}>{item.label}</a>
            </li>
          ) : (
            <li key={item.label} aria-current="page">
              {item.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

export function Pagination(props: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const { t } = usePage();
  if (props.pages <= 1) return null;
  const numbers = Array.from({ length: props.pages }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === props.pages || Math.abs(n - props.page) <= 1,
  );
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      <p class="visually-hidden">{t('pagination.summary', { page: props.page, pages: props.pages })}</p>
      <ul>
        {props.page > 1 ? (
          <li>
            <a href={props.hrefFor(props.page - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        ) : null}
        {numbers.map((n, i) => (
          <li key={n}>
            {i > 0 && n - (numbers[i - 1] ?? n) > 1 ? (
              <span class="pagination__gap" aria-hidden="true">
                …{' '}
              </span>
            ) : null}
            {n === props.page ? (
              <span aria-current="page" class="pagination__current">
                <span class="visually-hidden">{t('pagination.page', { page: n })}</span>
                <span aria-hidden="true">{n}</span>
              </span>
            ) : (
              <a href={props.hrefFor(n)} aria-label={t('pagination.page', { page: n })}>
                {n}
              </a>
            )}
          </li>
        ))}
        {props.page < props.pages ? (
          <li>
            <a href={props.hrefFor(props.page + 1)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
  isNumeric?: boolean;
  /** In a stacked table, the cell that names the row: shown first, as the card's title, without its column's name. */
  isPrimary?: boolean;
}

/**
 * The attributes that keep a table a table for assistive technology when CSS shows its rows as cards (some browsers
 * drop a table's semantics once its display changes), and the column's name each cell shows on a phone.
 */
export const stackedTable = {
  table: { role: 'table' as const },
  rowGroup: { role: 'rowgroup' as const },
  row: { role: 'row' as const },
  header: { role: 'columnheader' as const },
  rowHeader: (label: string) => ({ role: 'rowheader' as const, 'data-label': label }),
  cell: (label: string) => ({ role: 'cell' as const, 'data-label': label }),
};

/**
 * A data table with a caption; numeric columns are right-aligned. Wrapped so it scrolls on narrow screens; with
 * `stack`, its rows become labelled cards on a phone instead (CSS only: `.table--stack` in app.css), so no column
 * needs a sideways scroll.
 */
export function Table<Row>(props: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  stack?: boolean;
}) {
  const stack = props.stack === true;
  const cellClass = (column: Column<Row>) =>
    [column.isNumeric ? 'numeric' : '', stack && column.isPrimary ? 'cell--primary' : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table class={stack ? 'table table--stack' : 'table'} {...(stack ? stackedTable.table : {})}>
        <caption>{props.caption}</caption>
        <thead {...(stack ? stackedTable.rowGroup : {})}>
          <tr {...(stack ? stackedTable.row : {})}>
            {props.columns.map((column) => (
              <th
                scope="col"
                key={column.header}
                class={column.isNumeric ? 'numeric' : undefined}
                {...(stack ? stackedTable.header : {})}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody {...(stack ? stackedTable.rowGroup : {})}>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)} {...(stack ? stackedTable.row : {})}>
              {props.columns.map((column) => (
                <td key={column.header} class={cellClass(column)} {...(stack ? stackedTable.cell(column.header) : {})}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PageHeading(props: {
  title: string;
  lead?: string | undefined;
  children?: ComponentChildren;
}): JSX.Element {
  return (
    <div class="page-heading">
      <h1>{props.title}</h1>
      {props.lead ? <p class="lead">{props.lead}</p> : null}
      {props.children}
    </div>
  );
}
