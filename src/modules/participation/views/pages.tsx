import {
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  Table,
  TextArea,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { NotificationFrequency } from '../../accounts/read-models.js';
import type { ParticipationViewer } from '../load-participation.js';
import { participationPaths } from '../paths.js';
import type { ResolvedTarget } from '../../../kernel/records.js';
import { CommentForm } from './comments-section.js';
import type { FormState } from '../../../web/forms.js';

/** The comment form on a page of its own: where signing in comes back to, and where a refused comment is corrected. */
export function CommentPage(props: { target: ResolvedTarget; viewer: ParticipationViewer; form: FormState }) {
  const { t } = usePage();
  return (
    <div class="form-narrow">
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: props.target.path, label: props.target.title },
          { label: t('participation.comments.title') },
        ]}
      />
      <PageHeading
        title={t('participation.form.pageTitle', { title: props.target.title })}
        lead={t('participation.comments.intro')}
      />
      <CommentForm target={props.target} viewer={props.viewer} form={props.form} headingLevel={2} />
      <p>
        <a href={`${props.target.path}#comentarios`}>{t('participation.form.back', { title: props.target.title })}</a>
      </p>
    </div>
  );
}

/** A moderator hides one comment with a reason (also where a missing reason is asked for again). */
export function HideCommentPage(props: {
  commentId: string;
  body: string;
  target: ResolvedTarget | undefined;
  form: FormState;
}) {
  const { t } = usePage();
  const { values, errors, summary } = props.form;
  return (
    <div class="form-narrow">
      <PageHeading title={t('participation.moderate.pageTitle')} lead={t('participation.moderate.lead')} />
      <section class="panel" aria-labelledby="hidden-comment">
        <h2 id="hidden-comment">{t('participation.moderate.comment')}</h2>
        <p class="prewrap">{props.body}</p>
      </section>
      <form method="post" action={participationPaths.hide(props.commentId)} novalidate>
        <ErrorSummary errors={summary} />
        <CsrfField />
        <TextArea
          id="reason"
          name="reason"
          label={t('participation.moderate.reason')}
          hint={t('participation.moderate.reasonHint')}
          value={values.reason}
          error={errors.reason}
          rows={3}
          maxLength={300}
        />
        <Button variant="warning">{t('participation.moderate.submit')}</Button>
      </form>
      {props.target ? (
        <p>
          <a href={`${props.target.path}#comentarios`}>{t('participation.form.back', { title: props.target.title })}</a>
        </p>
      ) : null}
    </div>
  );
}

/** A person's follows, with a button to stop each, and how often they are told. */
export function FollowsPage(props: {
  follows: { followedAt: Date; target: ResolvedTarget }[];
  frequency: NotificationFrequency;
  notice?: string | undefined;
}) {
  const { t, format } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/cuenta', label: t('accounts.account.title') },
          { label: t('participation.follows.title') },
        ]}
      />
      <PageHeading title={t('participation.follows.title')} lead={t('participation.follows.lead')}>
        <p>
          {t(`participation.follows.frequency.${props.frequency}`)}{' '}
          <a href="/cuenta">{t('participation.follows.change')}</a>
        </p>
      </PageHeading>
      <Notices notice={props.notice} />
      {props.follows.length === 0 ? (
        <p>{t('participation.follows.empty')}</p>
      ) : (
        <Table
          caption={t('participation.follows.caption')}
          rowKey={(row) => `${row.target.recordType}:${row.target.recordId}`}
          rows={props.follows}
          columns={[
            {
              header: t('participation.follows.column.record'),
              cell: (row) => <a href={row.target.path}>{row.target.title}</a>,
            },
            {
              header: t('participation.follows.column.since'),
              cell: (row) => <time dateTime={row.followedAt.toISOString()}>{format.date(row.followedAt)}</time>,
            },
            {
              header: t('participation.follows.column.action'),
              cell: (row) => (
                <form method="post" action={participationPaths.unfollow(row.target)} class="inline-form">
                  <CsrfField />
                  <input type="hidden" name="volver" value={participationPaths.follows} />
                  <button
                    class="button button--secondary"
                    type="submit"
                    aria-label={t('participation.follows.unfollowNamed', { title: row.target.title })}
                  >
                    {t('participation.follow.unfollow')}
                  </button>
                </form>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

/** The page behind an e-mail's "stop following" link: asks first (mail scanners open links), then confirms. */
export function UnfollowLinkPage(props: {
  state: { kind: 'ask'; token: string; title: string } | { kind: 'done' } | { kind: 'invalid' };
}) {
  const { t } = usePage();
  const { state } = props;
  if (state.kind === 'invalid') {
    return (
      <div class="form-narrow">
        <PageHeading
          title={t('participation.unfollowLink.invalidTitle')}
          lead={t('participation.unfollowLink.invalid')}
        />
        <ButtonLink href={participationPaths.follows} variant="secondary">
          {t('participation.follows.title')}
        </ButtonLink>
      </div>
    );
  }
  if (state.kind === 'done') {
    return (
      <div class="form-narrow">
        <PageHeading title={t('participation.unfollowLink.doneTitle')} lead={t('participation.unfollowLink.done')} />
      </div>
    );
  }
  return (
    <div class="form-narrow">
      <PageHeading
        title={t('participation.unfollowLink.title')}
        lead={t('participation.unfollowLink.question', { title: state.title })}
      />
      <form method="post" action={`/seguimientos/baja/${state.token}`}>
        <CsrfField />
        <Button>{t('participation.unfollowLink.submit')}</Button>
      </form>
    </div>
  );
}

/** The moderators' queue: visible comments that people reported, with a link to review each on its page. */
export function ReportedCommentsPage(props: {
  rows: { id: string; body: string; authorName: string | null; reports: number; href: string | undefined }[];
}) {
  const { t, format } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { label: t('participation.moderate.queueTitle') },
        ]}
      />
      <PageHeading title={t('participation.moderate.queueTitle')} lead={t('participation.moderate.queueLead')} />
      {props.rows.length === 0 ? (
        <p>{t('participation.moderate.queueEmpty')}</p>
      ) : (
        <Table
          caption={t('participation.moderate.caption')}
          rowKey={(row) => row.id}
          rows={props.rows}
          columns={[
            {
              header: t('participation.moderate.column.comment'),
              cell: (row) => (
                <span class="prewrap">{row.body.length > 280 ? `${row.body.slice(0, 280)}…` : row.body}</span>
              ),
            },
            {
              header: t('participation.moderate.column.author'),
              cell: (row) => row.authorName ?? t('participation.comments.cancelledAccount'),
            },
            {
              header: t('participation.moderate.column.reports'),
              cell: (row) => format.number(row.reports),
              isNumeric: true,
            },
            {
              header: t('participation.moderate.column.action'),
              cell: (row) => (row.href ? <a href={row.href}>{t('participation.moderate.review')}</a> : null),
            },
          ]}
        />
      )}
    </>
  );
}
