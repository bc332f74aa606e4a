import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  SelectField,
  Table,
  TextArea,
  TextField,
} from '../../../../web/components/index.js';
import { emptyForm, type FormState } from '../../../../web/forms.js';
import { usePage } from '../../../../web/page-context.js';
import { problemPath, problemsPath, rankingPath, reasonedResponsePath } from '../../paths.js';
import { EXPLANATION_MAX } from '../../reasoned-decision.js';
import { ProblemStatusBadge } from '../../views/labels.js';
import type { ExerciseRef } from '../../views/problems-page.js';
import type { Ranking, RankedProblem } from '../get-ranking.js';
import { SCORE_MAX } from '../score-problem.js';

export interface RankingForms {
  criterion: FormState;
  select: FormState;
  /** The score form of one problem, by its number. */
  score?: { number: number; form: FormState } | undefined;
}

type Criterion = Ranking['criteria'][number];

/**
 * An exercise's prioritisation: the Secretariat's weighted criteria, published before any score; each admitted
 * problem's scores, total and supports, highest total first; and the selection with its agreement. Staff manage it
 * on the same page.
 */
export function RankingPage(props: {
  exercise: ExerciseRef;
  ranking: Ranking;
  isStaff: boolean;
  notice?: string | undefined;
  problemMessage?: string | undefined;
  forms?: Partial<RankingForms>;
}) {
  const { t } = usePage();
  const { exercise, ranking, isStaff } = props;
  const forms: RankingForms = { criterion: emptyForm(), select: emptyForm(), ...props.forms };
  const isPublished = ranking.publishedAt !== null;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { label: t('cocreation.ranking.title') },
        ]}
      />
      <PageHeading title={t('cocreation.ranking.title')} lead={t('cocreation.ranking.lead')} />
      <Notices notice={props.notice} problem={props.problemMessage} />
      <p>
        <a href={problemsPath(exercise.slug)}>{t('cocreation.response.toProblems')}</a> ·{' '}
        <a href={reasonedResponsePath(exercise.slug)}>{t('cocreation.response.title')}</a>
      </p>
      {!isPublished && !isStaff ? (
        <p>{t('cocreation.ranking.notPublished')}</p>
      ) : (
        <>
          <CriteriaSection ranking={ranking} />
          {isPublished ? <RankingSection exerciseSlug={exercise.slug} ranking={ranking} /> : null}
        </>
      )}
      {isStaff ? (
        <section aria-labelledby="ranking-staff-heading" class="panel">
          <h2 id="ranking-staff-heading">{t('cocreation.ranking.staffTitle')}</h2>
          {!isPublished ? (
            <DraftCriteriaForms exerciseSlug={exercise.slug} criteria={ranking.criteria} form={forms.criterion} />
          ) : ranking.selectedAt === null ? (
            <>
              <ScoreForms exerciseSlug={exercise.slug} ranking={ranking} score={forms.score} />
              <SelectionForm exerciseSlug={exercise.slug} ranking={ranking} form={forms.select} />
            </>
          ) : (
            <p>{t('cocreation.ranking.closed')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}

/** The criteria, their weights and each one's share of the total, and how the total is worked out. */
function CriteriaSection(props: { ranking: Ranking }) {
  const { t, format } = usePage();
  const { ranking } = props;
  const weights = ranking.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  return (
    <section aria-labelledby="criteria-heading">
      <h2 id="criteria-heading">{t('cocreation.ranking.criteria')}</h2>
      <p>
        {ranking.publishedAt
          ? t('cocreation.ranking.publishedOn', { date: format.date(ranking.publishedAt) })
          : t('cocreation.ranking.draft')}
      </p>
      {ranking.criteria.length === 0 ? (
        <p>{t('cocreation.ranking.noCriteria')}</p>
      ) : (
        <Table
          caption={t('cocreation.ranking.criteria')}
          rows={ranking.criteria}
          rowKey={(criterion) => criterion.id}
          columns={[
            { header: t('cocreation.ranking.criterion'), cell: (c: Criterion) => `${c.position}. ${c.name}` },
            { header: t('cocreation.ranking.description'), cell: (c) => c.description },
            { header: t('cocreation.ranking.weight'), cell: (c) => format.number(c.weight), isNumeric: true },
            {
              header: t('cocreation.ranking.share'),
              cell: (c) => format.percent(Math.round((c.weight / weights) * 1000) / 10),
              isNumeric: true,
            },
          ]}
        />
      )}
      <p id="formula">{t('cocreation.ranking.formula', { max: SCORE_MAX })}</p>
    </section>
  );
}

/** The ranking: every admitted problem with its supports, scores and total; the selection and its agreement. */
function RankingSection(props: { exerciseSlug: string; ranking: Ranking }) {
  const { t, format } = usePage();
  const { ranking, exerciseSlug } = props;
  const number = (value: number | undefined | null) =>
    value === undefined || value === null ? t('cocreation.ranking.pending') : format.number(value);
  return (
    <section aria-labelledby="ranking-heading">
      <h2 id="ranking-heading">{t('cocreation.ranking.rankingTitle')}</h2>
      {ranking.selectionAgreementCode ? (
        <p>
          {t('cocreation.ranking.selectedBy', { date: format.date(ranking.selectedAt!) })}{' '}
          <a href={`/ejercicios/${exerciseSlug}/secretariado/acuerdos/${ranking.selectionAgreementCode}`}>
            {ranking.selectionAgreementCode}
          </a>
        </p>
      ) : (
        <p>{t('cocreation.ranking.notSelected')}</p>
      )}
      {ranking.rows.length === 0 ? (
        <p>{t('cocreation.ranking.noProblems')}</p>
      ) : (
        <Table
          caption={t('cocreation.ranking.rankingTitle')}
          rows={ranking.rows}
          rowKey={(row) => String(row.number)}
          columns={[
            {
              header: t('cocreation.ranking.problem'),
              cell: (row: RankedProblem) => (
                <a href={problemPath(exerciseSlug, row.number)}>
                  {t('cocreation.problem.heading', { number: row.number, title: row.title })}
                </a>
              ),
            },
            { header: t('cocreation.supports.title'), cell: (row) => format.number(row.supports), isNumeric: true },
            ...ranking.criteria.map((criterion) => ({
              header: t('cocreation.ranking.criterionShort', { position: criterion.position }),
              cell: (row: RankedProblem) => number(row.scores[criterion.position]),
              isNumeric: true,
            })),
            {
              header: t('cocreation.ranking.total'),
              cell: (row) => <strong>{number(row.total)}</strong>,
              isNumeric: true,
            },
            { header: t('cocreation.filter.status'), cell: (row) => <ProblemStatusBadge status={row.status} /> },
          ]}
        />
      )}
    </section>
  );
}

/** While the criteria are a draft: add one, take one out, publish them. */
function DraftCriteriaForms(props: { exerciseSlug: string; criteria: Criterion[]; form: FormState }) {
  const { t } = usePage();
  const base = rankingPath(props.exerciseSlug);
  const { form } = props;
  return (
    <>
      {props.criteria.map((criterion) => (
        <form key={criterion.id} method="post" action={`${base}/criterios/${criterion.id}/quitar`} class="inline-form">
          <CsrfField />
          <Button variant="secondary">{t('cocreation.ranking.remove', { name: criterion.name })}</Button>
        </form>
      ))}
      <form method="post" action={`${base}/criterios`} novalidate class="form-section">
        <h3>{t('cocreation.ranking.addTitle')}</h3>
        <ErrorSummary errors={form.summary} />
        <CsrfField />
        <TextField
          id="criterion-name"
          name="name"
          label={t('cocreation.ranking.criterion')}
          value={form.values.name}
          error={form.errors.name}
          maxLength={120}
        />
        <TextArea
          id="criterion-description"
          name="description"
          label={t('cocreation.ranking.description')}
          value={form.values.description}
          error={form.errors.description}
          rows={3}
          maxLength={1000}
        />
        <TextField
          id="criterion-weight"
          name="weight"
          label={t('cocreation.ranking.weight')}
          hint={t('cocreation.ranking.weightHint')}
          value={form.values.weight}
          error={form.errors.weight}
          maxLength={3}
        />
        <Button>{t('cocreation.ranking.add')}</Button>
      </form>
      <form method="post" action={`${base}/publicar`} class="form-section">
        <h3>{t('cocreation.ranking.publishTitle')}</h3>
        <p class="field__hint">{t('cocreation.ranking.publishHint')}</p>
        <CsrfField />
        <Button variant="warning">{t('cocreation.ranking.publish')}</Button>
      </form>
    </>
  );
}

/** The scores of each admitted problem, one form per problem (a select per criterion). */
function ScoreForms(props: { exerciseSlug: string; ranking: Ranking; score: RankingForms['score'] }) {
  const { t } = usePage();
  const base = rankingPath(props.exerciseSlug);
  const options = [
    { value: '', label: t('cocreation.ranking.noScore') },
    ...Array.from({ length: SCORE_MAX + 1 }, (_, score) => ({ value: String(score), label: String(score) })),
  ];
  return (
    <>
      <h3>{t('cocreation.ranking.scoreTitle')}</h3>
      {props.ranking.rows
        .filter((row) => row.status === 'admitted')
        .map((row) => {
          const form = props.score?.number === row.number ? props.score.form : undefined;
          return (
            <details key={row.number} id={`score-${row.number}-scores`} class="panel" open={form !== undefined}>
              <summary>{t('cocreation.problem.heading', { number: row.number, title: row.title })}</summary>
              <form method="post" action={`${base}/puntajes/${row.number}`} novalidate>
                <ErrorSummary errors={form?.summary ?? []} />
                <CsrfField />
                {props.ranking.criteria.map((criterion) => (
                  <SelectField
                    key={criterion.id}
                    id={`score-${row.number}-${criterion.position}`}
                    name={`score-${criterion.position}`}
                    label={`${criterion.position}. ${criterion.name}`}
                    value={form?.values[`score-${criterion.position}`] ?? String(row.scores[criterion.position] ?? '')}
                    options={options}
                  />
                ))}
                <Button variant="secondary">{t('cocreation.ranking.saveScores', { number: row.number })}</Button>
              </form>
            </details>
          );
        })}
    </>
  );
}

/** The Secretariat's selection: the problems it prioritises, its agreement and why. */
function SelectionForm(props: { exerciseSlug: string; ranking: Ranking; form: FormState }) {
  const { t } = usePage();
  const { form } = props;
  const admitted = props.ranking.rows.filter((row) => row.status === 'admitted');
  const chosen = new Set((form.values.problemNumbers ?? '').split(','));
  return (
    <form method="post" action={`${rankingPath(props.exerciseSlug)}/seleccion`} novalidate class="form-section">
      <h3>{t('cocreation.ranking.selectTitle')}</h3>
      <ErrorSummary errors={form.summary} />
      <CsrfField />
      <fieldset class="field" id="select-problemNumbers">
        <legend class="field__label">{t('cocreation.ranking.selectLegend')}</legend>
        {form.errors.problemNumbers ? <p class="field__error">{form.errors.problemNumbers}</p> : null}
        {admitted.map((row) => (
          <div class="choice" key={row.number}>
            <input
              class="choice__input"
              type="checkbox"
              id={`select-problem-${row.number}`}
              name="problemNumbers"
              value={String(row.number)}
              checked={chosen.has(String(row.number))}
            />
            <label class="choice__label" for={`select-problem-${row.number}`}>
              {t('cocreation.problem.heading', { number: row.number, title: row.title })}
            </label>
          </div>
        ))}
      </fieldset>
      <TextField
        id="select-agreementCode"
        name="agreementCode"
        label={t('cocreation.response.agreement')}
        hint={t('cocreation.ranking.agreementHint')}
        value={form.values.agreementCode}
        error={form.errors.agreementCode}
        maxLength={60}
      />
      <TextArea
        id="select-explanation"
        name="explanation"
        label={t('cocreation.response.explanation')}
        hint={t('cocreation.ranking.explanationHint')}
        value={form.values.explanation}
        error={form.errors.explanation}
        rows={4}
        maxLength={EXPLANATION_MAX}
      />
      <Button>{t('cocreation.ranking.select')}</Button>
    </form>
  );
}
