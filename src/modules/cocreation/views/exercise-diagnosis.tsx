import { ButtonLink } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { ExerciseDiagnosis } from '../get-exercise-diagnosis.js';
import { newProblemPath, problemsPath, proposalsPath, rankingPath, reasonedResponsePath } from '../paths.js';
import { DiagnosisWindowNote } from './labels.js';

/**
 * The diagnosis on an exercise's page: "propose a problem" while it is open, and the way to its problems, their
 * prioritisation, the proposals and the answers.
 */
export function ExerciseDiagnosisSection(props: { slug: string; diagnosis: ExerciseDiagnosis }) {
  const { t } = usePage();
  const { diagnosis, slug } = props;
  if (diagnosis.state === 'unplanned' && diagnosis.problems === 0) return null;
  return (
    <section aria-labelledby="diagnosis-heading">
      <h2 id="diagnosis-heading">{t('cocreation.exerciseLink.title')}</h2>
      <p>{t('cocreation.exerciseLink.lead')}</p>
      <DiagnosisWindowNote window={diagnosis.window} state={diagnosis.state} />
      <p class="actions">
        {diagnosis.state === 'open' ? (
          <ButtonLink href={newProblemPath(slug)}>{t('cocreation.propose')}</ButtonLink>
        ) : null}
        <ButtonLink href={problemsPath(slug)} variant="secondary">
          {t('cocreation.exerciseLink.problems')}
        </ButtonLink>
        {diagnosis.problems > 0 ? (
          <>
            <ButtonLink href={rankingPath(slug)} variant="secondary">
              {t('cocreation.ranking.title')}
            </ButtonLink>
            <ButtonLink href={proposalsPath(slug)} variant="secondary">
              {t('cocreation.proposals.title')}
            </ButtonLink>
            <ButtonLink href={reasonedResponsePath(slug)} variant="secondary">
              {t('cocreation.response.title')}
            </ButtonLink>
          </>
        ) : null}
      </p>
    </section>
  );
}
