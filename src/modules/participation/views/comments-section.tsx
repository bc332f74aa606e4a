import {
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  Notices,
  RadioGroup,
  StatusBadge,
  TextArea,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { CommentView } from '../list-comments.js';
import { participationNotices, type ParticipationNotice, type ParticipationViewer } from '../load-participation.js';
import { participationPaths } from '../paths.js';
import { COMMENT_MAX_LENGTH } from '../post-comment.js';
import type { ResolvedTarget } from '../../../kernel/records.js';
import type { FormState } from '../../../web/forms.js';

const commentNotices: ParticipationNotice[] = ['comentado', 'respondido', 'reportado', 'oculto'];

/**
 * The comments of a target with official responses shown apart, moderation and reports, and the form to comment.
 * Embed it in a target's public page (it is the #comentarios section), with the data of loadParticipation().
 */
export function CommentsSection(props: {
  target: ResolvedTarget;
  comments: CommentView[];
  viewer: ParticipationViewer;
  form: FormState;
  notice?: ParticipationNotice | undefined;
}) {
  const { t, format } = usePage();
  const { target, comments, viewer } = props;
  const notice =
    props.notice && commentNotices.includes(props.notice)
      ? t(participationNotices[props.notice], { title: target.title })
      : undefined;
  return (
    <section id="comentarios" class="comments" aria-labelledby="comentarios-title">
      <h2 id="comentarios-title">
        {t('participation.comments.title')}{' '}
        <span class="comments__count">
          (
          {comments.length === 1
            ? t('participation.comments.countOne')
            : t('participation.comments.count', { count: format.number(comments.length) })}
          )
        </span>
      </h2>
      <Notices notice={notice} />
      <p>{t('participation.comments.intro')}</p>
      {comments.length === 0 ? (
        <p>{t('participation.comments.empty')}</p>
      ) : (
        <ol class="comments__list" aria-label={t('participation.comments.listLabel')}>
          {comments.map((comment) => (
            <li key={comment.id}>
              <CommentItem comment={comment} viewer={viewer} />
            </li>
          ))}
        </ol>
      )}
      {viewer.isSignedIn ? (
        <CommentForm target={target} viewer={viewer} form={props.form} />
      ) : (
        <div class="panel">
          <p>
            <a href={participationPaths.signIn(participationPaths.commentPage(target))}>
              {t('participation.comments.signInToComment')}
            </a>
          </p>
          <p class="field__hint">{t('participation.comments.signInHint')}</p>
        </div>
      )}
    </section>
  );
}

function CommentItem(props: { comment: CommentView; viewer: ParticipationViewer }) {
  const { t, format } = usePage();
  const { comment, viewer } = props;
  const isOfficial = comment.kind === 'official_response';
  return (
    <article
      id={`comentario-${comment.id}`}
      class={isOfficial ? 'comment comment--official' : 'comment'}
      aria-labelledby={`comentario-${comment.id}-meta`}
    >
      <p class="comment__meta" id={`comentario-${comment.id}-meta`}>
        {isOfficial ? (
          <>
            <StatusBadge tone="info">{t('participation.comments.official')}</StatusBadge>{' '}
            <strong>{t('participation.comments.officialOf', { institution: comment.institutionName ?? '' })}</strong>
            {' · '}
          </>
        ) : null}
        <span>
          {comment.authorName === null
            ? t('participation.comments.byCancelled')
            : t('participation.comments.by', { name: comment.authorName })}
        </span>
        {' · '}
        <time dateTime={comment.createdAt.toISOString()}>{format.dateTime(comment.createdAt)}</time>
      </p>
      {comment.isHidden ? (
        <p class="comment__hidden">
          <em>{t('participation.comments.hidden', { reason: comment.hiddenReason ?? '' })}</em>
        </p>
      ) : (
        <div class="comment__body">
          {comment
            .body!.split(/\n\s*\n/)
            .map((paragraph) => paragraph.trim())
            .filter(Boolean)
            .map((paragraph, i) => (
              <p key={i} class="prewrap">
                {paragraph}
              </p>
            ))}
        </div>
      )}
      {viewer.canModerate && comment.reportCount > 0 ? (
        <p class="field__hint">{t('participation.comments.reports', { count: format.number(comment.reportCount) })}</p>
      ) : null}
      {viewer.isSignedIn && !comment.isHidden ? (
        <div class="comment__actions">
          {comment.isReportedByViewer ? (
            <p class="field__hint">{t('participation.report.done')}</p>
          ) : (
            <details class="comment__details">
              <summary>{t('participation.report.summary')}</summary>
              <form method="post" action={participationPaths.report(comment.id)} novalidate>
                <CsrfField />
                <TextArea
                  id={`report-${comment.id}`}
                  name="reason"
                  label={t('participation.report.reason')}
                  rows={2}
                  maxLength={500}
                  isOptional
                />
                <Button variant="secondary">{t('participation.report.submit')}</Button>
              </form>
            </details>
          )}
          {viewer.canModerate ? (
            <details class="comment__details">
              <summary>{t('participation.moderate.summary')}</summary>
              <form method="post" action={participationPaths.hide(comment.id)} novalidate>
                <CsrfField />
                <TextArea
                  id={`hide-${comment.id}`}
                  name="reason"
                  label={t('participation.moderate.reason')}
                  hint={t('participation.moderate.reasonHint')}
                  rows={2}
                  maxLength={300}
                />
                <Button variant="warning">{t('participation.moderate.submit')}</Button>
              </form>
            </details>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

/** The form to comment (and, for a liaison of an answering institution, to answer officially). */
export function CommentForm(props: {
  target: ResolvedTarget;
  viewer: ParticipationViewer;
  form: FormState;
  headingLevel?: 2 | 3;
}) {
  const { t, format } = usePage();
  const { values, errors, summary } = props.form;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <form
      method="post"
      action={participationPaths.comment(props.target)}
      class="comments__form"
      novalidate
      aria-labelledby="comment-form-title"
    >
      <Heading id="comment-form-title">{t('participation.form.title')}</Heading>
      <ErrorSummary errors={summary} />
      <CsrfField />
      {props.viewer.officialInstitutions.length > 0 ? (
        <RadioGroup
          id="as"
          name="as"
          legend={t('participation.form.as')}
          value={values.as || 'person'}
          error={errors.as}
          options={[
            { value: 'person', label: t('participation.form.asPerson') },
            ...props.viewer.officialInstitutions.map((institution) => ({
              value: institution.id,
              label: t('participation.form.asInstitution', { institution: institution.name }),
            })),
          ]}
        />
      ) : null}
      <TextArea
        id="comment-body"
        name="body"
        label={t('participation.form.body')}
        hint={t('participation.form.bodyHint', { max: format.number(COMMENT_MAX_LENGTH) })}
        value={values.body}
        error={errors.body}
        rows={5}
        maxLength={COMMENT_MAX_LENGTH}
      />
      <Button>{t('participation.form.submit')}</Button>
    </form>
  );
}

/** Follow or stop following a target (a real form); signed-out visitors get a link to sign in and come back. */
export function FollowButton(props: {
  target: ResolvedTarget;
  viewer: ParticipationViewer;
  notice?: ParticipationNotice | undefined;
}) {
  const { t } = usePage();
  const { target, viewer } = props;
  if (viewer.isFollowing === undefined) return null;
  const notice =
    props.notice === 'siguiendo' || props.notice === 'sin-seguir'
      ? t(participationNotices[props.notice], { title: target.title })
      : undefined;
  return (
    <div id="seguir" class="follow" role="group" aria-label={t('participation.follow.label', { title: target.title })}>
      <Notices notice={notice} />
      {!viewer.isSignedIn ? (
        <ButtonLink href={participationPaths.signIn(target.path)} variant="secondary">
          {t('participation.follow.signIn')}
        </ButtonLink>
      ) : viewer.isFollowing ? (
        <form method="post" action={participationPaths.unfollow(target)} class="inline-form">
          <CsrfField />
          <p class="follow__state">{t('participation.follow.following')}</p>
          <Button variant="secondary">{t('participation.follow.unfollow')}</Button>
        </form>
      ) : (
        <form method="post" action={participationPaths.follow(target)} class="inline-form">
          <CsrfField />
          <Button variant="secondary">{t('participation.follow.follow')}</Button>
        </form>
      )}
      <p class="field__hint">{t('participation.follow.hint')}</p>
    </div>
  );
}
