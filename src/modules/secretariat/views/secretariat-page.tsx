import { Breadcrumbs, ButtonLink, PageHeading, Table } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { RecordHistoryData } from '../../audit/present-history.js';
import { RecordHistory } from '../../audit/views/record-history.js';
import type { SecretariatDetail, SeatWithHolders } from '../get-secretariat.js';
import type { AgreementListEntry } from '../list-agreements.js';
import type { SeatKind } from '../schema.js';
import { sessionPath, sessionTitle } from '../session-calendar.js';
import { isCurrentOn } from '../sessions.js';
import { AgreementStatusBadges, DocumentLink, SessionStatusBadge, Term, seatName } from './labels.js';

const sectorOrder: SeatKind[] = ['civil_society', 'authority', 'guarantor', 'facilitator'];

interface RosterRow {
  key: string;
  seat: SeatWithHolders;
  membership: SeatWithHolders['memberships'][number];
}

function Roster(props: { seats: SeatWithHolders[]; today: string; isCurrent: boolean }) {
  const { t } = usePage();
  const groups = sectorOrder
    .map((kind) => ({
      kind,
      rows: props.seats
        .filter((s) => s.kind === kind)
        .flatMap((seat) =>
          seat.memberships
            .filter(
              (m) => isCurrentOn(m, props.today) === props.isCurrent && (props.isCurrent || m.startsOn <= props.today),
            )
            .map((membership) => ({ key: membership.id, seat, membership })),
        ),
    }))
    .filter((g) => g.rows.length > 0);
  if (groups.length === 0)
    return <p>{props.isCurrent ? t('secretariat.roster.none') : t('secretariat.roster.noPast')}</p>;
  return (
    <>
      {groups.map((group) => (
        <Table<RosterRow>
          stack
          key={group.kind}
          caption={t(`secretariat.sector.${group.kind}`)}
          rows={group.rows}
          rowKey={(r) => r.key}
          columns={[
            {
              header: t('secretariat.roster.person'),
              cell: (r) => (
                <>
                  <strong>{r.membership.displayName}</strong>
                  {r.membership.bio ? <p class="hint">{r.membership.bio}</p> : null}
                </>
              ),
              isPrimary: true,
            },
            { header: t('secretariat.roster.role'), cell: (r) => t(`secretariat.role.${r.membership.role}`) },
            {
              header: t('secretariat.roster.institution'),
              cell: (r) => r.membership.organization ?? seatName(t, r.seat),
            },
            {
              header: t('secretariat.roster.term'),
              cell: (r) => <Term startsOn={r.membership.startsOn} endsOn={r.membership.endsOn} />,
            },
          ]}
        />
      ))}
    </>
  );
}

/** The public page of a Secretariat: who they are, what they have decided, the next session. */
export function SecretariatPage(props: {
  detail: SecretariatDetail;
  agreements: AgreementListEntry[];
  today: string;
  now: Date;
  history: RecordHistoryData;
}) {
  const { t, format } = usePage();
  const { secretariat, exercise, sessions, documents } = props.detail;
  const base = `/ejercicios/${exercise.slug}/secretariado`;
  const next = sessions.find((s) => s.startsAt >= props.now && (s.status === 'scheduled' || s.status === 'convened'));
  const pastSessions = [...sessions].reverse();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { label: t('secretariat.title') },
        ]}
      />
      <PageHeading title={t('secretariat.title')} lead={t('secretariat.lead')} />
      <dl class="meta-list">
        <div>
          <dt>{t('secretariat.installedOn')}</dt>
          <dd>{format.calendarDate(secretariat.installedOn)}</dd>
        </div>
        <div>
          <dt>{t('secretariat.quorumRule')}</dt>
          <dd>{t(`secretariat.quorum.${secretariat.quorumRule}`)}</dd>
        </div>
      </dl>
      {documents.length > 0 ? (
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              <DocumentLink label={d.title} url={d.url} file={d.file} />
            </li>
          ))}
        </ul>
      ) : null}

      <section aria-labelledby="next-heading">
        <h2 id="next-heading">{t('secretariat.next.title')}</h2>
        {next ? (
          <p>
            <a href={sessionPath(exercise.slug, next)}>{sessionTitle(t, next)}</a>: {format.dateTime(next.startsAt)}
            {next.place ? `, ${next.place}` : ''}
          </p>
        ) : (
          <p>{t('secretariat.next.none')}</p>
        )}
        <p>
          <a href={`${base}/sesiones.ics`}>{t('secretariat.calendarFeed')}</a>
        </p>
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('secretariat.roster.title')}</h2>
        <p>{t('secretariat.roster.lead')}</p>
        <Roster seats={props.detail.seats} today={props.today} isCurrent />
        <h3>{t('secretariat.roster.past')}</h3>
        <Roster seats={props.detail.seats} today={props.today} isCurrent={false} />
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('secretariat.sessions.title')}</h2>
        {pastSessions.length === 0 ? (
          <p>{t('secretariat.sessions.none')}</p>
        ) : (
          <Table
            stack
            caption={t('secretariat.sessions.caption')}
            rows={pastSessions}
            rowKey={(s) => s.id}
            columns={[
              {
                header: t('secretariat.sessions.session'),
                cell: (s) => <a href={sessionPath(exercise.slug, s)}>{sessionTitle(t, s)}</a>,
                isPrimary: true,
              },
              { header: t('secretariat.sessions.date'), cell: (s) => format.dateTime(s.startsAt) },
              { header: t('secretariat.sessions.status'), cell: (s) => <SessionStatusBadge status={s.status} /> },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">{t('secretariat.agreements.title')}</h2>
        {props.agreements.length === 0 ? (
          <p>{t('secretariat.agreements.none')}</p>
        ) : (
          <ul class="agreement-list">
            {props.agreements.slice(0, 5).map((a) => (
              <li key={a.agreement.id}>
                <a href={`${base}/acuerdos/${a.agreement.code}`}>{a.agreement.code}</a>: {a.agreement.text}{' '}
                <AgreementStatusBadges
                  status={a.agreement.status}
                  outcome={a.agreement.outcome}
                  isOverdue={a.isOverdue}
                />
              </li>
            ))}
          </ul>
        )}
        <ButtonLink href={`${base}/acuerdos`} variant="secondary">
          {t('secretariat.agreements.all')}
        </ButtonLink>
      </section>
      <RecordHistory entries={props.history.entries} hasMore={props.history.hasMore} fullHref={`${base}/historial`} />
    </>
  );
}
