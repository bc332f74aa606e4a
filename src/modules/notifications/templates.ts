import { translator, type Locale, type Translate } from '../../web/i18n/i18n.js';

/** Every e-mail names its recipient and signs off with the site's name (config SITE_NAME, passed by the caller). */
interface Common {
  name: string;
  siteName: string;
}

/** How long an e-mailed link stays valid: in minutes or in whole hours, said in the text ("vence en 24 horas"). */
export type LinkExpiry =
  { expiresInMinutes: number; expiresInHours?: never } | { expiresInHours: number; expiresInMinutes?: never };

export type LinkParams = Common & { url: string } & LinkExpiry;

/** The templates and their parameters. */
export interface TemplateParams {
  confirm_email: LinkParams;
  sign_in_link: LinkParams;
  reset_password: LinkParams;
  change_email: LinkParams;
  /** Tells the old address that the account's e-mail changed, and what to do if it was not them. */
  email_changed: Common & { newEmail: string; url: string };
  invitation: LinkParams & { inviterName: string; roleLabel: string };
  /** Confirms a sign-up to a call (or the changes to an existing one) and says what happens next. */
  confirm_registration: LinkParams & { callTitle: string; reference: string; isUpdate: boolean; closesOn: string };
  /** A message an admin writes: the subject and the body (blank lines separate paragraphs) are theirs. */
  notice: Common & { subject: string; body: string };
  /** What changed in the records a person follows: soon after the change (immediate) or once a week (digest). */
  follow_update: Common & FollowNewsParams;
  follow_digest: Common & FollowNewsParams;
  /** Convenes a member of the Technical Secretariat to a session (the .ics file goes as an attachment). */
  session_notice: Common & { sessionTitle: string; when: string; where: string; agenda: string[]; url: string };
}

/** One change of a followed record, as the e-mail lists it (the date already formatted in the recipient's zone). */
export interface FollowedChange {
  kind: FollowedChangeKind;
  actorLabel: string;
  when: string;
}
export const followedChangeKinds = [
  'created',
  'updated',
  'deleted',
  'comment',
  'official_response',
  'comment_hidden',
] as const;
export type FollowedChangeKind = (typeof followedChangeKinds)[number];

export interface FollowNewsParams {
  targets: { title: string; url: string; unfollowUrl: string; changes: FollowedChange[] }[];
  /** The page of the person's follows (and the link to their notification settings). */
  followsUrl: string;
}

export type TemplateName = keyof TemplateParams;
export const templateNames = [
  'confirm_email',
  'sign_in_link',
  'reset_password',
  'change_email',
  'email_changed',
  'invitation',
  'confirm_registration',
  'notice',
  'follow_update',
  'follow_digest',
  'session_notice',
] as const satisfies readonly TemplateName[];

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** What a template says, in order; the layout adds the greeting, the sign-off and the footer. */
type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'action'; label: string; url: string }
  | { kind: 'link'; label: string; url: string };

type Template<P> = (t: Translate, params: P) => { subject: string; blocks: Block[] };

function duration(t: Translate, expiry: LinkExpiry): string {
  const minutes = expiry.expiresInMinutes ?? expiry.expiresInHours * 60;
  // "24 horas" reads better than "1 día"; whole days from two on ("7 días").
  if (minutes >= 48 * 60 && minutes % (24 * 60) === 0)
    return t('notifications.duration.days', { count: minutes / (24 * 60) });
  if (minutes >= 60 && minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? t('notifications.duration.hour') : t('notifications.duration.hours', { count: hours });
  }
  return minutes === 1 ? t('notifications.duration.minute') : t('notifications.duration.minutes', { count: minutes });
}

type LinkKeys = 'confirmEmail' | 'signInLink' | 'resetPassword' | 'changeEmail';

/** A message whose point is one link: why, the button, how long it lasts, and what to do if it was not you. */
const linkTemplate =
  (keys: LinkKeys): Template<LinkParams> =>
  (t, p) => ({
    subject: t(`notifications.${keys}.subject`, { site: p.siteName }),
    blocks: [
      { kind: 'paragraph', text: t(`notifications.${keys}.intro`, { site: p.siteName }) },
      { kind: 'action', label: t(`notifications.${keys}.action`, { site: p.siteName }), url: p.url },
      { kind: 'paragraph', text: t('notifications.email.expires', { duration: duration(t, p) }) },
      { kind: 'paragraph', text: t(`notifications.${keys}.ignore`) },
    ],
  });

/** The news of followed records: each record with its changes, a button to its page and a link to stop following it. */
const followNews =
  (which: 'update' | 'digest'): Template<Common & FollowNewsParams> =>
  (t, p) => {
    const first = p.targets[0]?.title ?? '';
    const subject =
      which === 'digest'
        ? t('participation.email.digest.subject', { site: p.siteName })
        : p.targets.length === 1
          ? t('participation.email.update.subjectOne', { title: first })
          : t('participation.email.update.subjectMany', { count: p.targets.length });
    return {
      subject,
      blocks: [
        { kind: 'paragraph', text: t(`participation.email.${which}.intro`, { site: p.siteName }) },
        ...p.targets.flatMap((target): Block[] => [
          {
            kind: 'paragraph',
            text: [
              `«${target.title}»`,
              ...target.changes.map(
                (change) =>
                  `- ${t(`participation.email.change.${change.kind}`, { actor: change.actorLabel, when: change.when })}`,
              ),
            ].join('\n'),
          },
          { kind: 'action', label: t('participation.email.view'), url: target.url },
          { kind: 'link', label: t('participation.email.unfollow', { title: target.title }), url: target.unfollowUrl },
        ]),
        { kind: 'paragraph', text: t('participation.email.why') },
        { kind: 'link', label: t('participation.email.manage'), url: p.followsUrl },
      ],
    };
  };

const templates: { [T in TemplateName]: Template<TemplateParams[T]> } = {
  confirm_email: linkTemplate('confirmEmail'),
  sign_in_link: linkTemplate('signInLink'),
  reset_password: linkTemplate('resetPassword'),
  change_email: linkTemplate('changeEmail'),
  email_changed: (t, p) => ({
    subject: t('notifications.emailChanged.subject', { site: p.siteName }),
    blocks: [
      { kind: 'paragraph', text: t('notifications.emailChanged.intro', { site: p.siteName, email: p.newEmail }) },
      { kind: 'paragraph', text: t('notifications.emailChanged.notYou') },
      { kind: 'link', label: t('notifications.emailChanged.action'), url: p.url },
    ],
  }),
  invitation: (t, p) => {
    const names = { site: p.siteName, inviter: p.inviterName, role: p.roleLabel };
    return {
      subject: t('notifications.invitation.subject', names),
      blocks: [
        { kind: 'paragraph', text: t('notifications.invitation.intro', names) },
        { kind: 'action', label: t('notifications.invitation.action'), url: p.url },
        { kind: 'paragraph', text: t('notifications.email.expires', { duration: duration(t, p) }) },
        { kind: 'paragraph', text: t('notifications.invitation.ignore') },
      ],
    };
  },
  confirm_registration: (t, p) => {
    const names = { site: p.siteName, call: p.callTitle, reference: p.reference, closesOn: p.closesOn };
    return {
      subject: t(
        p.isUpdate ? 'notifications.confirmRegistration.subjectUpdate' : 'notifications.confirmRegistration.subject',
        names,
      ),
      blocks: [
        {
          kind: 'paragraph',
          text: t(
            p.isUpdate ? 'notifications.confirmRegistration.introUpdate' : 'notifications.confirmRegistration.intro',
            names,
          ),
        },
        { kind: 'action', label: t('notifications.confirmRegistration.action'), url: p.url },
        { kind: 'paragraph', text: t('notifications.email.expires', { duration: duration(t, p) }) },
        { kind: 'paragraph', text: t('notifications.confirmRegistration.next', names) },
        { kind: 'paragraph', text: t('notifications.confirmRegistration.ignore') },
      ],
    };
  },
  follow_update: followNews('update'),
  follow_digest: followNews('digest'),
  notice: (_t, p) => ({
    subject: p.subject,
    blocks: p.body
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => ({ kind: 'paragraph' as const, text })),
  }),
  session_notice: (t, p) => ({
    subject: t('secretariat.email.subject', { session: p.sessionTitle, when: p.when }),
    blocks: [
      {
        kind: 'paragraph',
        text: t('secretariat.email.intro', { session: p.sessionTitle, when: p.when, where: p.where }),
      },
      ...(p.agenda.length > 0
        ? [
            {
              kind: 'paragraph' as const,
              text: [t('secretariat.email.agenda'), ...p.agenda.map((item, i) => `${i + 1}. ${item}`)].join('\n'),
            },
          ]
        : []),
      { kind: 'action', label: t('secretariat.email.action'), url: p.url },
      { kind: 'paragraph', text: t('secretariat.email.calendar') },
    ],
  }),
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** A subject is one header line: no line breaks, no runs of spaces. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

const colours = { text: '#1f2933', muted: '#4b5563', brand: '#0b5563', page: '#f3f4f6', card: '#ffffff' };
const paragraphStyle = 'margin:0 0 16px 0;';

function htmlBlock(block: Block, t: Translate): string {
  if (block.kind === 'paragraph')
    return `<p style="${paragraphStyle}">${escapeHtml(block.text).replace(/\n/g, '<br>')}</p>`;
  if (block.kind === 'link')
    return `<p style="${paragraphStyle}font-size:14px;"><a href="${escapeHtml(block.url)}" style="color:${colours.brand};">${escapeHtml(block.label)}</a></p>`;
  const url = escapeHtml(block.url);
  return (
    `<p style="margin:24px 0;"><a href="${url}" style="display:inline-block;padding:12px 20px;background:${colours.brand};color:#ffffff;` +
    `text-decoration:underline;font-weight:bold;border-radius:4px;">${escapeHtml(block.label)}</a></p>` +
    `<p style="${paragraphStyle}font-size:14px;color:${colours.muted};">${escapeHtml(t('notifications.email.buttonFallback'))}<br>` +
    `<a href="${url}" style="color:${colours.brand};word-break:break-all;">${url}</a></p>`
  );
}

function textBlock(block: Block): string {
  return block.kind === 'paragraph' ? block.text : `${block.label}:\n${block.url}`;
}

/**
 * Renders a template in the recipient's language: the subject, a plain-text body and a simple HTML body (one
 * column, inline styles, real text and links, the language declared). Every parameter is escaped in the HTML;
 * links must be http(s).
 */
export function renderEmail<T extends TemplateName>(
  template: T,
  locale: Locale,
  params: TemplateParams[T],
): RenderedEmail {
  const t = translator(locale);
  const render = templates[template] as Template<TemplateParams[T]>;
  const { subject: rawSubject, blocks } = render(t, params);
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && !/^https?:\/\//i.test(block.url))
      throw new Error(`E-mail links must be http(s) URLs, got ${JSON.stringify(block.url)}`);
  }
  const subject = oneLine(rawSubject);
  const greeting = t('notifications.email.greeting', { name: oneLine(params.name) });
  const signOff = t('notifications.email.signOff');
  const team = t('notifications.email.team', { site: params.siteName });
  const automatic = t('notifications.email.automatic', { site: params.siteName });

  const text = [greeting, ...blocks.map(textBlock), `${signOff}\n${team}`, '--', automatic].join('\n\n') + '\n';

  const html =
    `<!DOCTYPE html>\n<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:${colours.page};">` +
    `<div style="max-width:600px;margin:0 auto;padding:24px 16px;">` +
    `<div style="background:${colours.card};padding:24px;border-radius:4px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:${colours.text};">` +
    `<p style="${paragraphStyle}">${escapeHtml(greeting)}</p>` +
    blocks.map((block) => htmlBlock(block, t)).join('') +
    `<p style="margin:0;">${escapeHtml(signOff)}<br>${escapeHtml(team)}</p>` +
    `</div>` +
    `<p style="margin:16px 0 0 0;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.5;color:${colours.muted};">${escapeHtml(automatic)}</p>` +
    `</div></body></html>\n`;

  return { subject, text, html };
}
