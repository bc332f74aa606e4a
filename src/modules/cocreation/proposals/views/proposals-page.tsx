import {
  Breadcrumbs,
  Button,
  ButtonLink,
  Notices,
  PageHeading,
  Pagination,
  SelectField,
} from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { problemPath, problemsPath, proposalPath, proposalsPath, reasonedResponsePath } from '../../paths.js';
import { proposalStatuses } from '../../schema.js';
import type { ExerciseRef } from '../../views/problems-page.js';
import type { ProposalFilters, ProposalListItem } from '../list-proposals.js';
import { ProposalAuthor, ProposalStatusBadge } from './proposal-labels.js';

/** The query string of the list with the given filters (defaults left out). */
export function proposalsQuery(filters: ProposalFilters, page = filters.page) {
  const params = new URLSearchParams();
  if (filters.status) params.set('estado', filters.status);
  if (filters.problemNumber) params.set('problema', String(filters.problemNumber));
  if (page > 1) params.set('pagina', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The proposals of an exercise: what each proposes, the problem it answers, its status. */
export function ProposalsPage(props: {
  exercise: ExerciseRef;
  filters: ProposalFilters;
  list: { rows: ProposalListItem[]; total: number; pages: number };
  canRecord: boolean;
  notice?: string | undefined;
}) {
  const { t, format } = usePage();
  const { exercise, filters, list } = props;
  const base = proposalsPath(exercise.slug);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { label: t('cocreation.proposals.title') },
        ]}
      />
      <PageHeading title={t('cocreation.proposals.title')} lead={t('cocreation.proposals.lead')} />
      <Notices notice={props.notice} />
      <p class="actions">
        {props.canRecord ? <ButtonLink href={`${base}/nueva`}>{t('cocreation.proposals.record')}</ButtonLink> : null}
        <ButtonLink href={problemsPath(exercise.slug)} variant="secondary">
          {t('cocreation.problems.title')}
        </ButtonLink>
        <ButtonLink href={reasonedResponsePath(exercise.slug)} variant="secondary">
          {t('cocreation.response.title')}
        </ButtonLink>
      </p>
      <form method="get" action={base} class="filters">
        <div class="filters__grid">
          <SelectField
            id="estado"
            name="estado"
            label={t('cocreation.filter.status')}
            value={filters.status ?? ''}
            options={[
              { value: '', label: t('cocreation.filter.all') },
              ...proposalStatuses.map((status) => ({ value: status, label: t(`cocreation.proposalStatus.${status}`) })),
            ]}
          />
        </div>
        {filters.problemNumber ? <input type="hidden" name="problema" value={String(filters.problemNumber)} /> : null}
        <Button variant="secondary">{t('cocreation.proposals.filter')}</Button>
      </form>
      <p role="status">
        {list.total === 1
          ? t('cocreation.proposals.countOne')
          : t('cocreation.proposals.count', { count: format.number(list.total) })}
      </p>
      {list.rows.length === 0 ? (
        <p>{t('cocreation.proposals.empty')}</p>
      ) : (
        <ol class="plain-list" aria-label={t('cocreation.proposals.title')}>
          {list.rows.map((row) => (
            <li key={row.id}>
              <article class="card">
                <h2 class="card__title">
                  <a href={proposalPath(exercise.slug, row.number)}>
                    {t('cocreation.proposal.heading', { number: row.number, title: row.title })}
                  </a>
                </h2>
                <div class="card__meta">
                  <ProposalStatusBadge status={row.status} />
                </div>
                <dl class="meta-list">
                  <dt>{t('cocreation.proposal.answers')}</dt>
                  <dd>
                    <a href={problemPath(exercise.slug, row.problemNumber)}>
                      {t('cocreation.problem.heading', { number: row.problemNumber, title: row.problemTitle })}
                    </a>
                  </dd>
                  <dt>{t('cocreation.proposal.author')}</dt>
                  <dd>
                    <ProposalAuthor exerciseSlug={exercise.slug} proposal={row} table={row.table} />
                  </dd>
                  <dt>{t('cocreation.proposal.submittedOn')}</dt>
                  <dd>{format.date(row.createdAt)}</dd>
                </dl>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination
        page={filters.page}
        pages={list.pages}
        hrefFor={(page) => `${base}${proposalsQuery(filters, page)}`}
      />
      <p>
        <a href="/datos">{t('cocreation.proposals.openData')}</a>
      </p>
    </>
  );
}
