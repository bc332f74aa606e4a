import { pageSection } from '../../kernel/page-sections.js';
import { usePage } from '../../web/page-context.js';
import { SEARCH_GROUP_LIMIT } from '../plan/data/search-plan.js';
import { searchResultsSlot } from '../plan/data/search-slot.js';
import { excerpt, Marked } from '../plan/data/views/search-page.js';
import { problemPath, proposalPath } from './paths.js';
import { searchCocreation, type CocreationHit } from './search-cocreation.js';

type Results = Awaited<ReturnType<typeof searchCocreation>>;

function HitGroup(props: { id: string; title: string; group: Results['problems']; terms: string[] }) {
  const { t } = usePage();
  const { group } = props;
  if (group.hits.length === 0) return null;
  const href = (hit: CocreationHit) =>
    hit.type === 'problem' ? problemPath(hit.exerciseSlug, hit.number) : proposalPath(hit.exerciseSlug, hit.number);
  return (
    <section aria-labelledby={props.id} class="search-group">
      <h2 id={props.id}>
        {props.title} <span class="search-group__count">({group.hits.length})</span>
      </h2>
      <ol class="search-results">
        {group.hits.map((hit) => (
          <li key={`${hit.exerciseSlug}-${hit.number}`} class="search-result">
            <h3 class="search-result__title">
              <a href={href(hit)}>
                <span>
                  {t(hit.type === 'problem' ? 'cocreation.search.problemLabel' : 'cocreation.search.proposalLabel', {
                    number: hit.number,
                  })}
                  :{' '}
                </span>
                <Marked text={hit.title} terms={props.terms} />
              </a>
            </h3>
            <p class="search-result__detail">
              <Marked text={excerpt(hit.description)} terms={props.terms} />
            </p>
            <p class="hint">{hit.exerciseTitle}</p>
          </li>
        ))}
      </ol>
      {group.isTruncated ? <p class="hint">{t('planData.search.truncated', { count: SEARCH_GROUP_LIMIT })}</p> : null}
    </section>
  );
}

/** The problems and proposals a site search finds, after the plans' results; nothing when there are none. */
function CocreationResults(props: { q: string; terms: string[]; results: Results }) {
  const { t } = usePage();
  const { results } = props;
  const total = results.problems.hits.length + results.proposals.hits.length;
  if (total === 0) return null;
  return (
    <>
      <p class="search-summary">
        {t(total === 1 ? 'cocreation.search.summaryOne' : 'cocreation.search.summary', { count: total, q: props.q })}
      </p>
      <HitGroup
        id="resultados-problemas"
        title={t('cocreation.problems.title')}
        group={results.problems}
        terms={props.terms}
      />
      <HitGroup
        id="resultados-propuestas"
        title={t('cocreation.proposals.title')}
        group={results.proposals}
        terms={props.terms}
      />
    </>
  );
}

/** Problems and proposals in the site search (the plan's page: plan comes before co-creation): one statement. */
export const searchSection = pageSection({
  slot: searchResultsSlot,
  id: 'cocreation.search',
  async load({ db, subject }) {
    const results = await searchCocreation(db, subject.terms);
    return <CocreationResults q={subject.q} terms={subject.terms} results={results} />;
  },
});
