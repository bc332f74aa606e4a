import {
  Breadcrumbs,
  Button,
  ButtonLink,
  Notices,
  PageHeading,
  Pagination,
  SelectField,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { DiagnosisWindow, WindowState } from '../diagnosis-window.js';
import type { ProblemFilters, ProblemListItem } from '../list-problems.js';
import {
  newProblemPath,
  problemPath,
  problemsPath,
  proposalsPath,
  rankingPath,
  reasonedResponsePath,
} from '../paths.js';
import { problemStatuses, problemThemes } from '../schema.js';
import { DiagnosisWindowNote, ProblemStatusBadge } from './labels.js';

export interface ExerciseRef {
  id: string;
  slug: string;
  title: string;
}

/** The query string of a list page with the given filters (defaults left out). */
export function problemsQuery(filters: ProblemFilters, page = filters.page) {
  const params = new URLSearchParams();
  if (filters.theme) params.set('tema', filters.theme);
  if (filters.municipality) params.set('municipio', filters.municipality);
  if (filters.status) params.set('estado', filters.status);
  if (filters.sort !== 'apoyos') params.set('orden', filters.sort);
  if (page > 1) params.set('pagina', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The problems of an exercise: when the diagnosis is open, filters, the list with supports, and where to propose one.
 */
export function ProblemsPage(props: {
  exercise: ExerciseRef;
  window: DiagnosisWindow | undefined;
  state: WindowState;
  filters: ProblemFilters;
  list: { rows: ProblemListItem[]; total: number; pages: number };
  municipalities: { cvegeo: string; name: string }[];
  notice?: string | undefined;
}) {
  const { t, format } = usePage();
  const { exercise, filters, list } = props;
  const base = problemsPath(exercise.slug);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { label: t('cocreation.problems.title') },
        ]}
      />
      <PageHeading title={t('cocreation.problems.title')} lead={t('cocreation.problems.lead')} />
      <Notices notice={props.notice} />
      <DiagnosisWindowNote window={props.window} state={props.state} />
      <p class="actions">
        {props.state === 'open' ? (
          <ButtonLink href={newProblemPath(exercise.slug)}>{t('cocreation.propose')}</ButtonLink>
        ) : null}
        <ButtonLink href={rankingPath(exercise.slug)} variant="secondary">
          {t('cocreation.ranking.title')}
        </ButtonLink>
        <ButtonLink href={proposalsPath(exercise.slug)} variant="secondary">
          {t('cocreation.proposals.title')}
        </ButtonLink>
        <ButtonLink href={reasonedResponsePath(exercise.slug)} variant="secondary">
          {t('cocreation.response.title')}
        </ButtonLink>
      </p>
      <form method="get" action={base} class="filters">
        <div class="filters__grid">
          <SelectField
            id="tema"
            name="tema"
            label={t('cocreation.filter.theme')}
            value={filters.theme ?? ''}
            options={[
              { value: '', label: t('cocreation.filter.all') },
              ...problemThemes.map((theme) => ({ value: theme, label: t(`cocreation.theme.${theme}`) })),
            ]}
          />
          <SelectField
            id="municipio"
            name="municipio"
            label={t('cocreation.filter.municipality')}
            value={filters.municipality ?? ''}
            options={[
              { value: '', label: t('cocreation.filter.all') },
              ...props.municipalities.map((m) => ({ value: m.cvegeo, label: m.name })),
            ]}
          />
          <SelectField
            id="estado"
            name="estado"
            label={t('cocreation.filter.status')}
            value={filters.status ?? ''}
            options={[
              { value: '', label: t('cocreation.filter.all') },
              ...problemStatuses.map((status) => ({ value: status, label: t(`cocreation.status.${status}`) })),
            ]}
          />
          <SelectField
            id="orden"
            name="orden"
            label={t('cocreation.filter.sort')}
            value={filters.sort}
            options={[
              { value: 'apoyos', label: t('cocreation.sort.supports') },
              { value: 'fecha', label: t('cocreation.sort.date') },
            ]}
          />
        </div>
        <Button variant="secondary">{t('cocreation.filter.apply')}</Button>
      </form>
      <p role="status">
        {list.total === 1
          ? t('cocreation.problems.countOne')
          : t('cocreation.problems.count', { count: format.number(list.total) })}
      </p>
      {list.rows.length === 0 ? (
        <p>{t('cocreation.problems.empty')}</p>
      ) : (
        <ol class="plain-list" aria-label={t('cocreation.problems.listLabel')}>
          {list.rows.map((problem) => (
            <li key={problem.id}>
              <article class="card">
                <h2 class="card__title">
                  <a href={problemPath(exercise.slug, problem.number)}>
                    {t('cocreation.problem.heading', { number: problem.number, title: problem.title })}
                  </a>
                </h2>
                <div class="card__meta">
                  <ProblemStatusBadge status={problem.status} />{' '}
                  <strong>
                    {problem.supports === 1
                      ? t('cocreation.supports.one')
                      : t('cocreation.supports.count', { count: format.number(problem.supports) })}
                  </strong>
                </div>
                <dl class="meta-list">
                  <dt>{t('cocreation.field.theme')}</dt>
                  <dd>{t(`cocreation.theme.${problem.theme}`)}</dd>
                  <dt>{t('cocreation.field.municipalities')}</dt>
                  <dd>{problem.municipalities}</dd>
                  <dt>{t('cocreation.field.submittedOn')}</dt>
                  <dd>{format.date(problem.createdAt)}</dd>
                </dl>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={filters.page} pages={list.pages} hrefFor={(page) => `${base}${problemsQuery(filters, page)}`} />
      <p>
        <a href="/datos">{t('cocreation.problems.openData')}</a>
      </p>
    </>
  );
}
