import type { ComponentChildren } from 'preact';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  PageHeading,
  TextField,
  type FieldError,
} from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import {
  highlight,
  SEARCH_GROUP_LIMIT,
  SEARCH_MAX_LENGTH,
  type SearchHit,
  type SearchResults,
} from '../search-plan.js';

export const commitmentHref = (hit: Pick<SearchHit, 'exerciseSlug' | 'commitmentNumber'>) =>
  `/ejercicios/${encodeURIComponent(hit.exerciseSlug)}/plan/compromisos/${hit.commitmentNumber}`;

/** A text with the searched terms marked. */
export function Marked(props: { text: string; terms: string[] }) {
  return (
    <>
      {highlight(props.text, props.terms).map((part, i) =>
        part.isMatch ? <mark key={i}>{part.text}</mark> : part.text,
      )}
    </>
  );
}

export const excerpt = (text: string) => (text.length > 240 ? `${text.slice(0, 237).trimEnd()}…` : text);

function Group(props: {
  id: string;
  title: string;
  hits: SearchHit[];
  isTruncated: boolean;
  terms: string[];
  kind: 'commitment' | 'child';
}) {
  const { t } = usePage();
  if (props.hits.length === 0) return null;
  return (
    <section aria-labelledby={props.id} class="search-group">
      <h2 id={props.id}>
        {props.title} <span class="search-group__count">({props.hits.length})</span>
      </h2>
      <ol class="search-results">
        {props.hits.map((hit, i) => (
          <li key={i} class="search-result">
            <h3 class="search-result__title">
              <a href={commitmentHref(hit)}>
                {props.kind === 'commitment' ? (
                  <span>{t('planData.search.commitmentLabel', { number: hit.commitmentNumber })}: </span>
                ) : null}
                <Marked text={hit.title} terms={props.terms} />
              </a>
            </h3>
            {hit.detail ? (
              <p class="search-result__detail">
                <Marked text={excerpt(hit.detail)} terms={props.terms} />
              </p>
            ) : null}
            <p class="hint">
              {props.kind === 'child'
                ? `${t('planData.search.inCommitment', { number: hit.commitmentNumber, title: hit.commitmentTitle })} · `
                : null}
              {hit.exerciseTitle}
            </p>
          </li>
        ))}
      </ol>
      {props.isTruncated ? <p class="hint">{t('planData.search.truncated', { count: SEARCH_GROUP_LIMIT })}</p> : null}
    </section>
  );
}

export function SearchPage(props: {
  q: string;
  error?: FieldError | undefined;
  terms: string[];
  results?: SearchResults | undefined;
  /** Results later modules add (see search-slot.ts), already loaded. */
  sections?: ComponentChildren[];
}) {
  const { t } = usePage();
  const { results } = props;
  const total = results
    ? results.commitments.hits.length + results.milestones.hits.length + results.activities.hits.length
    : 0;
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('planData.search.title') }]} />
      <PageHeading title={t('planData.search.title')} lead={t('planData.search.lead')} />
      <form method="get" action="/buscar" role="search" class="search-form" novalidate>
        <ErrorSummary errors={props.error ? [props.error] : []} />
        <TextField
          id="q"
          name="q"
          type="search"
          label={t('planData.search.label')}
          hint={t('planData.search.hint')}
          value={props.q}
          error={props.error?.message}
          maxLength={SEARCH_MAX_LENGTH}
        />
        <Button type="submit">{t('planData.search.submit')}</Button>
      </form>
      {results ? (
        <div aria-live="polite">
          <p class="search-summary">
            {total === 0
              ? t('planData.search.none', { q: props.q })
              : t(total === 1 ? 'planData.search.summary.one' : 'planData.search.summary.other', {
                  count: total,
                  q: props.q,
                })}
          </p>
          <Group
            id="resultados-compromisos"
            title={t('planData.search.commitments')}
            kind="commitment"
            terms={props.terms}
            {...results.commitments}
          />
          <Group
            id="resultados-hitos"
            title={t('planData.search.milestones')}
            kind="child"
            terms={props.terms}
            {...results.milestones}
          />
          <Group
            id="resultados-actividades"
            title={t('planData.search.activities')}
            kind="child"
            terms={props.terms}
            {...results.activities}
          />
          {props.sections}
        </div>
      ) : null}
    </>
  );
}
