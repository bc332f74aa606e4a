import {
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  RadioGroup,
  SelectField,
  Table,
  TextArea,
  TextField,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { missingSeats } from '../composition.js';
import type { SecretariatDetail } from '../get-secretariat.js';
import type { Candidate } from '../list-candidates.js';
import { seatKinds, sessionKinds } from '../schema.js';
import { sessionTitle } from '../session-calendar.js';
import { SessionStatusBadge, Term, seatName } from './labels.js';
import { compositionPaths, DocumentFields } from './admin-composition.js';
import type { FormState } from '../../../web/forms.js';

export interface AdminSecretariatForms {
  seat: FormState;
  member: FormState;
  session: FormState;
  document: FormState;
}

/** The seats of the Secretariat, with the sectors still missing, and their members. */
function SeatsSection(props: { seats: SecretariatDetail['seats']; canManage: boolean }) {
  const { t } = usePage();
  const { seats } = props;
  const missing = missingSeats(seats);
  const memberRows = seats.flatMap((seat) => seat.memberships.map((m) => ({ seat, m })));
  return (
    <section aria-labelledby="seats-heading">
      <h2 id="seats-heading">{t('secretariat.admin.seats')}</h2>
      {missing.length > 0 ? (
        <p>{t('secretariat.admin.missing', { list: missing.map((k) => t(`secretariat.seatKind.${k}`)).join(', ') })}</p>
      ) : null}
      {seats.length > 0 ? (
        <Table
          caption={t('secretariat.admin.seatsCaption')}
          rows={seats}
          rowKey={(s) => s.id}
          columns={[
            { header: t('secretariat.session.seat'), cell: (s) => seatName(t, s) },
            { header: t('secretariat.session.sector'), cell: (s) => t(`secretariat.sector.${s.kind}`) },
            {
              header: t('secretariat.admin.votes'),
              cell: (s) =>
                s.kind === 'facilitator' ? t('secretariat.admin.voiceOnly') : t('secretariat.admin.withVote'),
            },
            ...(props.canManage
              ? [
                  {
                    header: t('secretariat.seatPage.actions'),
                    cell: (s: SecretariatDetail['seats'][number]) => (
                      <a href={compositionPaths.seat(s.id)}>
                        {t('secretariat.admin.manageSeat')}
                        <span class="visually-hidden">: {seatName(t, s)}</span>
                      </a>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
      {memberRows.length > 0 ? (
        <Table
          caption={t('secretariat.admin.membersCaption')}
          rows={memberRows}
          rowKey={(r) => r.m.id}
          columns={[
            { header: t('secretariat.roster.person'), cell: (r) => r.m.displayName },
            { header: t('secretariat.roster.role'), cell: (r) => t(`secretariat.role.${r.m.role}`) },
            { header: t('secretariat.session.seat'), cell: (r) => seatName(t, r.seat) },
            {
              header: t('secretariat.roster.term'),
              cell: (r) => <Term startsOn={r.m.startsOn} endsOn={r.m.endsOn} />,
            },
            { header: t('secretariat.admin.email'), cell: (r) => r.m.email ?? t('secretariat.admin.noEmail') },
            ...(props.canManage
              ? [
                  {
                    header: t('secretariat.seatPage.actions'),
                    cell: (r: (typeof memberRows)[number]) => (
                      <a href={compositionPaths.membership(r.m.id)}>
                        {t('secretariat.seatPage.editMember')}
                        <span class="visually-hidden">: {r.m.displayName}</span>
                      </a>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
    </section>
  );
}

/** The Secretariat's documents (each can be corrected, replaced or removed) and adding one (admins only). */
function DocumentsSection(props: {
  secretariatId: string;
  documents: SecretariatDetail['documents'];
  form: FormState;
}) {
  const { t, format } = usePage();
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('secretariat.documents.title')}</h2>
      {props.documents.length === 0 ? (
        <p>{t('secretariat.documents.none')}</p>
      ) : (
        <Table
          stack
          caption={t('secretariat.documents.caption')}
          rows={props.documents}
          rowKey={(d) => d.id}
          columns={[
            { header: t('secretariat.documentForm.title'), cell: (d) => d.title, isPrimary: true },
            { header: t('secretariat.documentForm.kind'), cell: (d) => t(`secretariat.documentKind.${d.kind}`) },
            {
              header: t('secretariat.documentForm.issuedOn'),
              cell: (d) => (d.issuedOn ? format.calendarDate(d.issuedOn) : '—'),
            },
            {
              header: t('secretariat.seatPage.actions'),
              cell: (d) => (
                <a href={compositionPaths.document(d.id)}>
                  {t('secretariat.documents.edit')}
                  <span class="visually-hidden">: {d.title}</span>
                </a>
              ),
            },
          ]}
        />
      )}
      <section class="panel" aria-labelledby="add-document-heading">
        <h3 id="add-document-heading">{t('secretariat.documents.add')}</h3>
        <form
          method="post"
          action={compositionPaths.documents(props.secretariatId)}
          enctype="multipart/form-data"
          novalidate
        >
          <ErrorSummary errors={props.form.summary} />
          <CsrfField />
          <DocumentFields form={props.form} />
          <Button>{t('secretariat.documents.submit')}</Button>
        </form>
      </section>
    </section>
  );
}

/** Adding a seat (admins only). */
function AddSeatForm(props: { secretariatId: string; form: FormState; institutions: { id: string; name: string }[] }) {
  const { t } = usePage();
  const seatForm = props.form;
  return (
    <section class="panel" aria-labelledby="add-seat-heading">
      <h2 id="add-seat-heading">{t('secretariat.seat.add')}</h2>
      <p>{t('secretariat.seat.rules')}</p>
      <form method="post" action={`/admin/secretariado/${props.secretariatId}/lugares`} novalidate>
        <ErrorSummary errors={seatForm.summary} />
        <CsrfField />
        <RadioGroup
          id="kind"
          name="kind"
          legend={t('secretariat.seat.kind')}
          value={seatForm.values.kind}
          error={seatForm.errors.kind}
          options={seatKinds.map((k) => ({ value: k, label: t(`secretariat.seatKind.${k}`) }))}
        />
        <SelectField
          id="institutionId"
          name="institutionId"
          label={t('secretariat.seat.institution')}
          hint={t('secretariat.seat.institutionHint')}
          value={seatForm.values.institutionId}
          error={seatForm.errors.institutionId}
          options={[
            { value: '', label: t('secretariat.seat.noInstitution') },
            ...props.institutions.map((i) => ({ value: i.id, label: i.name })),
          ]}
        />
        <TextField
          id="label"
          name="label"
          label={t('secretariat.seat.label')}
          hint={t('secretariat.seat.labelHint')}
          value={seatForm.values.label}
          error={seatForm.errors.label}
          isOptional
          maxLength={200}
        />
        <Button>{t('secretariat.seat.submit')}</Button>
      </form>
    </section>
  );
}

/** Adding a member to a seat (admins only), possibly from an accepted registration. */
function AddMemberForm(props: {
  secretariatId: string;
  seats: SecretariatDetail['seats'];
  candidates: Candidate[];
  form: FormState;
}) {
  const { t } = usePage();
  const { seats } = props;
  const memberForm = props.form;
  return (
    <section class="panel" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">{t('secretariat.member.add')}</h2>
      <p>{t('secretariat.member.lead')}</p>
      <form method="post" action={`/admin/secretariado/${props.secretariatId}/integrantes`} novalidate>
        <ErrorSummary errors={memberForm.summary} />
        <CsrfField />
        <SelectField
          id="seatId"
          name="seatId"
          label={t('secretariat.member.seat')}
          value={memberForm.values.seatId}
          error={memberForm.errors.seatId}
          options={[
            { value: '', label: t('secretariat.member.chooseSeat') },
            ...seats.map((s) => ({
              value: s.id,
              label: `${seatName(t, s)} (${t(`secretariat.sector.${s.kind}`)})`,
            })),
          ]}
        />
        <RadioGroup
          id="role"
          name="role"
          legend={t('secretariat.member.role')}
          value={memberForm.values.role ?? 'titular'}
          error={memberForm.errors.role}
          options={[
            { value: 'titular', label: t('secretariat.role.titular') },
            { value: 'alternate', label: t('secretariat.role.alternate') },
          ]}
        />
        {props.candidates.length > 0 ? (
          <SelectField
            id="registrationId"
            name="registrationId"
            label={t('secretariat.member.candidate')}
            hint={t('secretariat.member.candidateHint')}
            value={memberForm.values.registrationId}
            error={memberForm.errors.registrationId}
            options={[
              { value: '', label: t('secretariat.member.noCandidate') },
              ...props.candidates.map((c) => ({
                value: c.id,
                label: c.organization ? `${c.fullName} (${c.organization})` : c.fullName,
              })),
            ]}
          />
        ) : null}
        <TextField
          id="displayName"
          name="displayName"
          label={t('secretariat.member.name')}
          hint={t('secretariat.member.nameHint')}
          value={memberForm.values.displayName}
          error={memberForm.errors.displayName}
          isOptional
          maxLength={200}
        />
        <TextField
          id="organization"
          name="organization"
          label={t('secretariat.member.organization')}
          value={memberForm.values.organization}
          error={memberForm.errors.organization}
          isOptional
          maxLength={200}
        />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t('secretariat.member.email')}
          hint={t('secretariat.member.emailHint')}
          value={memberForm.values.email}
          error={memberForm.errors.email}
          isOptional
          autocomplete="off"
        />
        <TextArea
          id="bio"
          name="bio"
          label={t('secretariat.member.bio')}
          value={memberForm.values.bio}
          error={memberForm.errors.bio}
          isOptional
          rows={3}
          maxLength={2000}
        />
        <TextField
          id="startsOn"
          name="startsOn"
          type="date"
          label={t('secretariat.member.startsOn')}
          value={memberForm.values.startsOn}
          error={memberForm.errors.startsOn}
        />
        <TextField
          id="endsOn"
          name="endsOn"
          type="date"
          label={t('secretariat.member.endsOn')}
          value={memberForm.values.endsOn}
          error={memberForm.errors.endsOn}
          isOptional
        />
        <Button>{t('secretariat.member.submit')}</Button>
      </form>
    </section>
  );
}

/** The Secretariat's sessions, each linked to its admin page. */
function SessionsSection(props: { sessions: SecretariatDetail['sessions'] }) {
  const { t, format } = usePage();
  const { sessions } = props;
  return (
    <section aria-labelledby="sessions-admin-heading">
      <h2 id="sessions-admin-heading">{t('secretariat.sessions.title')}</h2>
      {sessions.length > 0 ? (
        <Table
          caption={t('secretariat.sessions.caption')}
          rows={sessions}
          rowKey={(s) => s.id}
          columns={[
            {
              header: t('secretariat.sessions.session'),
              cell: (s) => <a href={`/admin/secretariado/sesiones/${s.id}`}>{sessionTitle(t, s)}</a>,
            },
            { header: t('secretariat.sessions.date'), cell: (s) => format.dateTime(s.startsAt) },
            { header: t('secretariat.sessions.status'), cell: (s) => <SessionStatusBadge status={s.status} /> },
          ]}
        />
      ) : (
        <p>{t('secretariat.sessions.none')}</p>
      )}
    </section>
  );
}

/** Scheduling a session (admins and the facilitator). */
function ScheduleForm(props: { secretariatId: string; form: FormState; zone: string }) {
  const { t } = usePage();
  const sessionForm = props.form;
  return (
    <section class="panel" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{t('secretariat.schedule.title')}</h2>
      <form method="post" action={`/admin/secretariado/${props.secretariatId}/sesiones`} novalidate>
        <ErrorSummary errors={sessionForm.summary} />
        <CsrfField />
        <RadioGroup
          id="sessionKind"
          name="kind"
          legend={t('secretariat.schedule.kind')}
          value={sessionForm.values.kind ?? 'ordinary'}
          error={sessionForm.errors.kind}
          options={sessionKinds.map((k) => ({ value: k, label: t(`secretariat.sessionKind.${k}`) }))}
        />
        <TextField
          id="startsDate"
          name="startsDate"
          type="date"
          label={t('secretariat.schedule.date')}
          value={sessionForm.values.startsDate}
          error={sessionForm.errors.startsDate}
        />
        <TextField
          id="startsTime"
          name="startsTime"
          label={t('secretariat.schedule.time')}
          hint={t('secretariat.schedule.timeHint', { zone: props.zone })}
          value={sessionForm.values.startsTime}
          error={sessionForm.errors.startsTime}
          maxLength={5}
        />
        <TextField
          id="place"
          name="place"
          label={t('secretariat.schedule.place')}
          hint={t('secretariat.schedule.placeHint')}
          value={sessionForm.values.place}
          error={sessionForm.errors.place}
          isOptional
          maxLength={300}
        />
        <TextField
          id="onlineUrl"
          name="onlineUrl"
          type="url"
          label={t('secretariat.schedule.onlineUrl')}
          value={sessionForm.values.onlineUrl}
          error={sessionForm.errors.onlineUrl}
          isOptional
        />
        <TextArea
          id="agenda"
          name="agenda"
          label={t('secretariat.schedule.agenda')}
          hint={t('secretariat.schedule.agendaHint')}
          value={sessionForm.values.agenda}
          error={sessionForm.errors.agenda}
          isOptional
          rows={6}
        />
        <Button>{t('secretariat.schedule.submit')}</Button>
      </form>
    </section>
  );
}

/** Composition and sessions of one Secretariat, for admins (composition) and the facilitator (sessions). */
export function AdminSecretariatPage(props: {
  detail: SecretariatDetail;
  institutions: { id: string; name: string }[];
  candidates: Candidate[];
  forms: AdminSecretariatForms;
  canManageComposition: boolean;
  zone: string;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t, format } = usePage();
  const { secretariat, exercise, seats, sessions } = props.detail;
  const { seat: seatForm, member: memberForm, session: sessionForm } = props.forms;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin/secretariado', label: t('secretariat.admin.title') },
          { label: exercise.title },
        ]}
      />
      <PageHeading
        title={t('secretariat.admin.of', { exercise: exercise.title })}
        lead={t('secretariat.admin.installedOn', { date: format.calendarDate(secretariat.installedOn) })}
      />
      <Notices notice={props.notice} problem={props.problem} />
      <div class="actions">
        <ButtonLink href={`/ejercicios/${exercise.slug}/secretariado`} variant="secondary">
          {t('secretariat.admin.public')}
        </ButtonLink>
      </div>

      <SeatsSection seats={seats} canManage={props.canManageComposition} />

      {props.canManageComposition ? (
        <>
          <AddSeatForm secretariatId={secretariat.id} form={seatForm} institutions={props.institutions} />

          {seats.length > 0 ? (
            <AddMemberForm
              secretariatId={secretariat.id}
              seats={seats}
              candidates={props.candidates}
              form={memberForm}
            />
          ) : null}

          <DocumentsSection
            secretariatId={secretariat.id}
            documents={props.detail.documents}
            form={props.forms.document}
          />
        </>
      ) : null}

      <SessionsSection sessions={sessions} />

      <ScheduleForm secretariatId={secretariat.id} form={sessionForm} zone={props.zone} />
    </>
  );
}
