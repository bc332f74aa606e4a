import { Breadcrumbs, PageHeading, Table } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { RecordHistoryData } from '../../audit/present-history.js';
import { RecordHistory } from '../../audit/views/record-history.js';
import type { SecretariatDetail } from '../get-secretariat.js';
import { isOpenAndLate, type AgreementDetail } from '../list-agreements.js';
import { sessionPath, sessionTitle } from '../session-calendar.js';
import { AgreementStatusBadges, seatName } from './labels.js';

/** Where a link of an agreement leads, by record type (unknown types are listed by name only). */
export type LinkTarget = { recordType: string; recordId: string; label: string; href: string | undefined };

/** One agreement: its text, how it was decided, who answers for it, its follow-up and its history. */
export function AgreementPage(props: {
  secretariat: SecretariatDetail;
  detail: AgreementDetail;
  links: LinkTarget[];
  today: string;
  history: RecordHistoryData;
}) {
  const { t, format } = usePage();
  const { exercise } = props.secretariat;
  const { agreement, session, votes, updates } = props.detail;
  const base = `/ejercicios/${exercise.slug}/secretariado`;
  const seatsById = new Map(props.secretariat.seats.map((s) => [s.id, s]));
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { href: base, label: t('secretariat.title') },
          { href: `${base}/acuerdos`, label: t('secretariat.agreements.title') },
          { label: agreement.code },
        ]}
      />
      <PageHeading title={t('secretariat.agreement.title', { code: agreement.code })} lead={agreement.text} />
      <dl class="meta-list">
        <div>
          <dt>{t('secretariat.agreement.session')}</dt>
          <dd>
            <a href={sessionPath(exercise.slug, session)}>{sessionTitle(t, session)}</a> (
            {format.date(session.startsAt)})
          </dd>
        </div>
        <div>
          <dt>{t('secretariat.agreement.decision')}</dt>
          <dd>
            {agreement.decisionMethod === 'consensus'
              ? t('secretariat.decision.consensus')
              : t('secretariat.decision.vote', {
                  for: format.number(agreement.votesFor),
                  against: format.number(agreement.votesAgainst),
                  abstain: format.number(agreement.votesAbstain),
                })}{' '}
            {t(`secretariat.outcome.${agreement.outcome}`)}
          </dd>
        </div>
        <div>
          <dt>{t('secretariat.agreement.responsible')}</dt>
          <dd>{agreement.responsible}</dd>
        </div>
        <div>
          <dt>{t('secretariat.agreement.dueOn')}</dt>
          <dd>{agreement.dueOn ? format.calendarDate(agreement.dueOn) : t('secretariat.agreement.noDue')}</dd>
        </div>
        <div>
          <dt>{t('secretariat.agreement.status')}</dt>
          <dd>
            <AgreementStatusBadges
              status={agreement.status}
              outcome={agreement.outcome}
              isOverdue={isOpenAndLate(agreement, props.today)}
            />
          </dd>
        </div>
      </dl>
      {props.links.length > 0 ? (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">{t('secretariat.agreement.links')}</h2>
          <ul>
            {props.links.map((link) => (
              <li key={`${link.recordType}-${link.recordId}`}>
                {link.href ? <a href={link.href}>{link.label}</a> : link.label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {votes.length > 0 ? (
        <Table
          caption={t('secretariat.agreement.votesCaption')}
          rows={votes}
          rowKey={(v) => v.seatId}
          columns={[
            {
              header: t('secretariat.session.seat'),
              cell: (v) => (seatsById.get(v.seatId) ? seatName(t, seatsById.get(v.seatId)!) : ''),
            },
            { header: t('secretariat.agreement.vote'), cell: (v) => t(`secretariat.vote.${v.vote}`) },
          ]}
        />
      ) : null}
      <section aria-labelledby="follow-up-heading">
        <h2 id="follow-up-heading">{t('secretariat.followUp.title')}</h2>
        {updates.length === 0 ? (
          <p>{t('secretariat.followUp.none')}</p>
        ) : (
          <ol>
            {updates.map((u) => (
              <li key={u.id}>
                <strong>{format.date(u.createdAt)}</strong> · {t(`secretariat.agreementStatus.${u.status}`)}: {u.note}
              </li>
            ))}
          </ol>
        )}
      </section>
      <RecordHistory
        entries={props.history.entries}
        hasMore={props.history.hasMore}
        fullHref={`${base}/acuerdos/${props.detail.agreement.code}/historial`}
      />
    </>
  );
}
