import { Breadcrumbs, ButtonLink, PageHeading } from '../../../web/components/index.js';
import { callAvailability } from '../call-window.js';
import { usePage } from '../../../web/page-context.js';
import type { RecordHistoryData } from '../../audit/present-history.js';
import { RecordHistory } from '../../audit/views/record-history.js';
import type { PublicCall } from '../get-exercise-call.js';
import { CallWindowNote } from './call-window-note.js';
import type { ParticipationNotice, ParticipationPanel } from '../../participation/load-participation.js';
import { CommentsSection, FollowButton } from '../../participation/views/comments-section.js';
import { emptyForm } from '../../../web/forms.js';

/** The call as a public document: reads top to bottom on a phone and prints as the official text. */
export function CallPage(props: {
  call: PublicCall;
  exercise: { title: string; slug: string };
  history: RecordHistoryData;
  now: Date;
  /** Comments and the follow button (participation module), when loaded. */
  participation?: (ParticipationPanel & { notice?: ParticipationNotice | undefined }) | undefined;
}) {
  const { t, format } = usePage();
  const { call } = props;
  const isCancelled = call.status === 'cancelled';
  // Results are news once the call has closed: then they come first. A cancelled call says why instead.
  const results =
    !isCancelled && callAvailability(call, props.now) === 'closed' && call.resultsText ? call.resultsText : undefined;
  const contact = (
    <p>
      {t('call.contact')} <a href={`mailto:${call.contactEmail}`}>{call.contactEmail}</a>
    </p>
  );
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${props.exercise.slug}`, label: props.exercise.title },
          { label: t('nav.call') },
        ]}
      />
      <article class="document">
        <PageHeading title={call.title} lead={call.summary}>
          <CallWindowNote call={call} now={props.now} />
          <div class="actions">
            {callAvailability(call, props.now) === 'open' ? (
              <ButtonLink href={`/ejercicios/${props.exercise.slug}/convocatoria/sumate`}>
                {t('registrations.cta')}
              </ButtonLink>
            ) : null}
            <ButtonLink href={`/ejercicios/${props.exercise.slug}/convocatoria/cifras`} variant="secondary">
              {t('figures.title')}
            </ButtonLink>
          </div>
          {props.participation ? (
            <FollowButton
              target={props.participation.target}
              viewer={props.participation.viewer}
              notice={props.participation.notice}
            />
          ) : null}
        </PageHeading>
        {isCancelled ? (
          <section class="panel panel--highlight" aria-labelledby="cancelled">
            <h2 id="cancelled">{t('calls.public.cancelled')}</h2>
            <Paragraphs text={call.resultsText ?? t('calls.public.cancelledNoReason')} />
          </section>
        ) : null}
        {results ? (
          <section class="panel panel--highlight" aria-labelledby="results">
            <h2 id="results">{t('call.results')}</h2>
            <Paragraphs text={results} />
          </section>
        ) : null}
        {call.considerations.length > 0 ? (
          <section aria-labelledby="considerations">
            <h2 id="considerations">{t('call.considerations')}</h2>
            {call.considerations.map((text, i) => (
              <p key={i}>{text}</p>
            ))}
          </section>
        ) : null}
        <section aria-labelledby="general-objective">
          <h2 id="general-objective">{t('call.generalObjective')}</h2>
          <p>{call.generalObjective}</p>
        </section>
        {call.specificObjectives.length > 0 ? (
          <section aria-labelledby="specific-objectives">
            <h2 id="specific-objectives">{t('call.specificObjectives')}</h2>
            <ol class="lettered">
              {call.specificObjectives.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ol>
          </section>
        ) : null}
        <section aria-labelledby="requirements">
          <h2 id="requirements">{t('call.requirements')}</h2>
          <ol>
            {call.requirements.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="dates">
          <h2 id="dates">{t('call.dates')}</h2>
          <dl class="meta-list">
            <div>
              <dt>{t('call.opensAt')}</dt>
              <dd>
                <time dateTime={call.opensAt.toISOString()}>{format.dateTime(call.opensAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{t('call.closesAt')}</dt>
              <dd>
                <time dateTime={call.closesAt.toISOString()}>{format.dateTime(call.closesAt)}</time>
              </dd>
            </div>
          </dl>
        </section>
        {results || isCancelled ? (
          contact
        ) : (
          <section aria-labelledby="results">
            <h2 id="results">{t('call.results')}</h2>
            <p>{t('call.resultsPending')}</p>
            {contact}
          </section>
        )}
      </article>
      {props.participation ? (
        <CommentsSection
          target={props.participation.target}
          comments={props.participation.comments}
          viewer={props.participation.viewer}
          form={emptyForm()}
          notice={props.participation.notice}
        />
      ) : null}
      <RecordHistory
        entries={props.history.entries}
        hasMore={props.history.hasMore}
        fullHref={`/ejercicios/${props.exercise.slug}/convocatoria/historial`}
      />
    </>
  );
}

/** A text typed with blank lines between paragraphs, as paragraphs (single line breaks kept). */
function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, i) => (
          <p key={i} class="prewrap">
            {paragraph}
          </p>
        ))}
    </>
  );
}
