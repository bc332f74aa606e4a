import { Button, CsrfField, ErrorSummary, TextField } from '../../../../web/components/index.js';
import type { FormState } from '../../../../web/forms.js';
import { usePage } from '../../../../web/page-context.js';
import { commitmentPagePath } from '../../paths.js';
import type { BecameCommitment } from '../list-origins.js';

/**
 * Which commitments of the plan a problem or a proposal became (traceability): the public sees the public ones, staff
 * also those still drafted, marked as such.
 */
export function BecameCommitments(props: {
  exerciseSlug: string;
  commitments: BecameCommitment[];
  isStaff: boolean;
  what: 'problem' | 'proposal';
}) {
  const { t } = usePage();
  const shown = props.commitments.filter((c) => c.isPublic || props.isStaff);
  return (
    <section aria-labelledby="became-heading">
      <h2 id="became-heading">{t('cocreation.origins.becameTitle')}</h2>
      {shown.length === 0 ? (
        <p>{t(props.what === 'problem' ? 'cocreation.origins.noneProblem' : 'cocreation.origins.noneProposal')}</p>
      ) : (
        <ul>
          {shown.map((commitment) => (
            <li key={commitment.number}>
              {commitment.isPublic ? (
                <a href={commitmentPagePath(props.exerciseSlug, commitment.number)}>
                  {t('cocreation.origins.commitment', { number: commitment.number, title: commitment.title })}
                </a>
              ) : (
                <>
                  {t('cocreation.origins.commitment', { number: commitment.number, title: commitment.title })}{' '}
                  {t('cocreation.origins.notPublicYet')}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Staff link the problem or proposal to a commitment of the plan by its number, or take a link back. */
export function LinkCommitmentForms(props: { path: string; commitments: BecameCommitment[]; form: FormState }) {
  const { t } = usePage();
  const { path, form } = props;
  return (
    <div class="form-section">
      <h3>{t('cocreation.origins.linkTitle')}</h3>
      <p class="field__hint">{t('cocreation.origins.linkHint')}</p>
      <form method="post" action={`${path}/compromisos`} novalidate>
        <ErrorSummary errors={form.summary} />
        <CsrfField />
        <TextField
          id="link-commitmentNumber"
          name="commitmentNumber"
          label={t('cocreation.origins.commitmentNumber')}
          value={form.values.commitmentNumber}
          error={form.errors.commitmentNumber}
          maxLength={6}
        />
        <Button variant="secondary">{t('cocreation.origins.link')}</Button>
      </form>
      {props.commitments.map((commitment) => (
        <form key={commitment.number} method="post" action={`${path}/compromisos/quitar`} class="inline-form">
          <CsrfField />
          <input type="hidden" name="commitmentNumber" value={String(commitment.number)} />
          <Button variant="secondary">{t('cocreation.origins.unlink', { number: commitment.number })}</Button>
        </form>
      ))}
    </div>
  );
}
