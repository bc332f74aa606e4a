import { pageSection } from '../../../kernel/page-sections.js';
import { usePage } from '../../../web/page-context.js';
import { commitmentPageSlot } from '../../plan/core/commitment-page-slot.js';
import { problemPath, proposalPath } from '../paths.js';
import { listCommitmentOrigins, type CommitmentOrigin } from './list-origins.js';

/** Where a commitment comes from: the problems and the proposals it was born from, each linking to its page. */
function CommitmentOrigins(props: { exerciseSlug: string; origins: CommitmentOrigin[] }) {
  const { t } = usePage();
  const label = (origin: CommitmentOrigin) =>
    origin.type === 'problem'
      ? origin.title === null
        ? t('cocreation.origins.hiddenProblem', { number: origin.number })
        : t('cocreation.problem.heading', { number: origin.number, title: origin.title })
      : origin.title === null
        ? t('cocreation.origins.hiddenProposal', { number: origin.number })
        : t('cocreation.proposal.heading', { number: origin.number, title: origin.title });
  return (
    <section aria-labelledby="origins-heading">
      <h2 id="origins-heading">{t('cocreation.origins.sectionTitle')}</h2>
      {props.origins.length === 0 ? (
        <p>{t('cocreation.origins.sectionEmpty')}</p>
      ) : (
        <>
          <p>{t('cocreation.origins.sectionLead')}</p>
          <ul>
            {props.origins.map((origin) => (
              <li key={`${origin.type}-${origin.number}`}>
                <a
                  href={
                    origin.type === 'problem'
                      ? problemPath(props.exerciseSlug, origin.number)
                      : proposalPath(props.exerciseSlug, origin.number)
                  }
                >
                  {label(origin)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Traceability on the commitment's page (plan comes before co-creation, so it offers a slot): one statement. */
export const commitmentOriginsSection = pageSection({
  slot: commitmentPageSlot,
  id: 'cocreation.commitment-origins',
  async load({ db, subject }) {
    const origins = await listCommitmentOrigins(db, subject.commitmentId);
    return <CommitmentOrigins exerciseSlug={subject.exerciseSlug} origins={origins} />;
  },
});
