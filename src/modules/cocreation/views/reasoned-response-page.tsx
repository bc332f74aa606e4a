import { Breadcrumbs, PageHeading } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { ReasonedResponseRow } from '../list-reasoned-responses.js';
import { problemPath, problemsPath } from '../paths.js';
import { ProblemStatusBadge } from './labels.js';
import type { ExerciseRef } from './problems-page.js';

/**
 * The reasoned response of an exercise (OGP Standard 4): every problem raised, what became of it, why, who decided
 * and under which agreement. Cards rather than a table, so the explanations read well on a phone.
 */
export function ReasonedResponsePage(props: { exercise: ExerciseRef; rows: ReasonedResponseRow[] }) {
  const { t, format } = usePage();
  const { exercise, rows } = props;
  const answered = rows.filter((row) => row.outcome !== null).length;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { label: t('cocreation.response.title') },
        ]}
      />
      <PageHeading title={t('cocreation.response.title')} lead={t('cocreation.response.lead')} />
      <p role="status">
        {t('cocreation.response.summary', { total: format.number(rows.length), answered: format.number(answered) })}
      </p>
      <p>
        <a href={problemsPath(exercise.slug)}>{t('cocreation.response.toProblems')}</a> ·{' '}
        <a href="/datos/respuesta-razonada.csv">{t('cocreation.response.download')}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t('cocreation.problems.empty')}</p>
      ) : (
        <ol class="plain-list" aria-label={t('cocreation.response.listLabel')}>
          {rows.map((row) => (
            <li key={row.number}>
              <article class="card">
                <h2 class="card__title">
                  <a href={problemPath(exercise.slug, row.number)}>
                    {row.title === null
                      ? t('cocreation.hidden.title', { number: row.number })
                      : t('cocreation.problem.heading', { number: row.number, title: row.title })}
                  </a>
                </h2>
                <div class="card__meta">
                  <ProblemStatusBadge status={row.status} />{' '}
                  {row.supports === 1
                    ? t('cocreation.supports.one')
                    : t('cocreation.supports.count', { count: format.number(row.supports) })}
                </div>
                {row.title === null ? (
                  <p class="prewrap">
                    {t('cocreation.hidden.reason')} {row.hiddenReason}
                  </p>
                ) : null}
                {row.outcome === null ? (
                  <p>{t('cocreation.response.pending')}</p>
                ) : (
                  <dl class="meta-list">
                    <dt>{t('cocreation.response.outcome')}</dt>
                    <dd>
                      {t(`cocreation.outcome.${row.outcome}`)}
                      {row.mergedIntoNumber !== null ? (
                        <>
                          {' '}
                          (
                          <a href={problemPath(exercise.slug, row.mergedIntoNumber)}>
                            {t('cocreation.response.mergedIntoNumber', { number: row.mergedIntoNumber })}
                          </a>
                          )
                        </>
                      ) : null}
                    </dd>
                    <dt>{t('cocreation.response.reason')}</dt>
                    <dd>{t(`cocreation.reason.${row.reasonCode!}`)}</dd>
                    <dt>{t('cocreation.response.explanation')}</dt>
                    <dd class="prewrap">{row.explanation}</dd>
                    <dt>{t('cocreation.response.decider')}</dt>
                    <dd>
                      {row.deciderInstitution ? `${row.deciderLabel} (${row.deciderInstitution})` : row.deciderLabel}
                    </dd>
                    <dt>{t('cocreation.response.agreement')}</dt>
                    <dd>
                      {row.agreementCode ? (
                        <a href={`/ejercicios/${exercise.slug}/secretariado/acuerdos/${row.agreementCode}`}>
                          {row.agreementCode}
                        </a>
                      ) : (
                        t('cocreation.response.noAgreement')
                      )}
                    </dd>
                    <dt>{t('cocreation.response.decidedOn')}</dt>
                    <dd>{row.decidedAt ? format.date(row.decidedAt) : ''}</dd>
                  </dl>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
