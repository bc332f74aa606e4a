import type { Translate } from '../../../../web/i18n/i18n.js';
import type { PlanUpdate } from '../list-plan-updates.js';

/** Escapes text for XML element content and attribute values. */
export const escapeXml = (text: string) =>
  text
    .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

export interface FeedInput {
  /** The portal's absolute base URL, without a trailing slash. */
  baseUrl: string;
  locale: string;
  t: Translate;
  siteName: string;
  slug: string;
  plan: { id: string; title: string; updatedAt: Date };
  updates: PlanUpdate[];
  /** The change log's newest entry: the feed carries it so that its readers keep a copy (verify-log --head). */
  logHead?: { seq: number; hash: string } | undefined;
}

export const planPath = (slug: string) => `/ejercicios/${encodeURIComponent(slug)}/plan`;
export const feedPath = (slug: string) => `${planPath(slug)}/novedades.atom`;

/**
 * The plan's updates as an Atom 1.0 feed (RFC 4287): one entry per change-log entry, newest first. Entry ids are the
 * entries' chain hashes, so they never change and are the same on every host.
 */
export function planFeedXml(input: FeedInput): string {
  const { t, baseUrl } = input;
  const planUrl = `${baseUrl}${planPath(input.slug)}`;
  const updated = input.updates[0]?.occurredAt ?? input.plan.updatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const entries = input.updates.map((update) => {
    const record = t(`planData.record.${update.recordType}`);
    const action = t(`planData.action.${update.action}`);
    const title = `${t('planData.feed.entry', { record, action })}${update.recordTitle ? ` · ${update.recordTitle}` : ''}`;
    const href = update.commitmentNumber === null ? planUrl : `${planUrl}/compromisos/${update.commitmentNumber}`;
    const summary = [
      update.commitmentNumber === null
        ? null
        : t('planData.search.commitmentLabel', { number: update.commitmentNumber }),
      t('planData.feed.by', { actor: update.actorLabel }),
    ]
      .filter(Boolean)
      .join(' · ');
    return [
      '  <entry>',
      `    <id>urn:cocrea:change:${escapeXml(update.hash)}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <updated>${update.occurredAt}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(href)}"/>`,
      `    <author><name>${escapeXml(update.actorLabel)}</name></author>`,
      `    <category term="${escapeXml(update.recordType)}" label="${escapeXml(record)}"/>`,
      `    <summary type="text">${escapeXml(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:cocrea="urn:cocrea:change-log" xml:lang="${escapeXml(input.locale)}">`,
    `  <id>urn:cocrea:plan:${escapeXml(input.plan.id)}</id>`,
    `  <title>${escapeXml(t('planData.feed.title', { plan: input.plan.title }))}</title>`,
    `  <subtitle>${escapeXml(t('planData.feed.subtitle'))}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${baseUrl}${feedPath(input.slug)}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(planUrl)}"/>`,
    `  <author><name>${escapeXml(input.siteName)}</name></author>`,
    // The change log's head (its newest entry's hash), for whoever keeps the feed: verify-log --head.
    ...(input.logHead
      ? [`  <cocrea:head seq="${input.logHead.seq}">${escapeXml(input.logHead.hash)}</cocrea:head>`]
      : []),
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
