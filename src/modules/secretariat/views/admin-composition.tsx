import {
  Alert,
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  FileField,
  Notices,
  PageHeading,
  RadioGroup,
  SelectField,
  Table,
  TextArea,
  TextField,
} from '../../../web/components/index.js';
import type { FormState } from '../../../web/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { SeatDetail } from '../manage-composition.js';
import type { SecretariatDocument } from '../manage-documents.js';
import { documentKinds, membershipRoles } from '../schema.js';
import { ACCEPTED_FILES, FileFacts, Term, seatName } from './labels.js';

/** Where the composition's and documents' admin pages live. */
export const compositionPaths = {
  seat: (id: string) => `/admin/secretariado/lugares/${id}`,
  seatDelete: (id: string) => `/admin/secretariado/lugares/${id}/borrar`,
  membership: (id: string) => `/admin/secretariado/integrantes/${id}`,
  documents: (secretariatId: string) => `/admin/secretariado/${secretariatId}/documentos`,
  document: (id: string) => `/admin/secretariado/documentos/${id}`,
  documentDelete: (id: string) => `/admin/secretariado/documentos/${id}/borrar`,
};

interface Context {
  secretariatId: string;
  exerciseTitle: string;
}

function Crumbs(props: { context: Context; label: string }) {
  const { t } = usePage();
  return (
    <Breadcrumbs
      items={[
        { href: '/admin', label: t('accounts.admin.title') },
        { href: '/admin/secretariado', label: t('secretariat.admin.title') },
        { href: `/admin/secretariado/${props.context.secretariatId}`, label: props.context.exerciseTitle },
        { label: props.label },
      ]}
    />
  );
}

/** One seat: its name, its members (each with a link to correct it or end its term), and deleting it. */
export function AdminSeatPage(props: {
  context: Context;
  seat: SeatDetail;
  form: FormState;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t } = usePage();
  const { seat, form } = props;
  const name = seatName(t, seat);
  return (
    <>
      <Crumbs context={props.context} label={name} />
      <PageHeading title={t('secretariat.seatPage.title', { name })} lead={t(`secretariat.sector.${seat.kind}`)} />
      <Notices notice={props.notice} problem={props.problem} />
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('secretariat.seatPage.members')}</h2>
        {seat.memberships.length === 0 ? (
          <p>{t('secretariat.seatPage.noMembers')}</p>
        ) : (
          <Table
            stack
            caption={t('secretariat.seatPage.membersCaption', { name })}
            rows={seat.memberships}
            rowKey={(m) => m.id}
            columns={[
              { header: t('secretariat.roster.person'), cell: (m) => m.displayName, isPrimary: true },
              { header: t('secretariat.roster.role'), cell: (m) => t(`secretariat.role.${m.role}`) },
              { header: t('secretariat.roster.term'), cell: (m) => <Term startsOn={m.startsOn} endsOn={m.endsOn} /> },
              {
                header: t('secretariat.seatPage.actions'),
                cell: (m) => (
                  <a href={compositionPaths.membership(m.id)}>
                    {t('secretariat.seatPage.editMember')}
                    <span class="visually-hidden">: {m.displayName}</span>
                  </a>
                ),
              },
            ]}
          />
        )}
        <p>{t('secretariat.seatPage.addMemberHint')}</p>
      </section>
      <section class="panel" aria-labelledby="seat-edit-heading">
        <h2 id="seat-edit-heading">{t('secretariat.seatPage.edit')}</h2>
        <form method="post" action={compositionPaths.seat(seat.id)} novalidate class="form-narrow">
          <ErrorSummary errors={form.summary} />
          <CsrfField />
          <TextField
            id="label"
            name="label"
            label={t('secretariat.seat.label')}
            hint={t('secretariat.seat.labelHint')}
            value={form.values.label}
            error={form.errors.label}
            isOptional
            maxLength={200}
          />
          <Button>{t('secretariat.seatPage.save')}</Button>
        </form>
      </section>
      <section aria-labelledby="seat-delete-heading">
        <h2 id="seat-delete-heading">{t('secretariat.seatPage.deleteTitle')}</h2>
        {seat.isDeletable ? (
          <p>
            <a href={compositionPaths.seatDelete(seat.id)}>{t('secretariat.seatPage.delete')}</a>
          </p>
        ) : (
          <p>{t('secretariat.seatPage.notDeletable', { count: seat.sessionRecords })}</p>
        )}
      </section>
    </>
  );
}

/** The confirmation of deleting a seat: what goes with it (its members), then the form that does it. */
export function SeatRemovalPage(props: { context: Context; seat: SeatDetail }) {
  const { t } = usePage();
  const { seat } = props;
  const name = seatName(t, seat);
  const title = t('secretariat.seatRemoval.title', { name });
  return (
    <>
      <Crumbs context={props.context} label={title} />
      <PageHeading title={title} />
      <Alert kind="warning" title={t('secretariat.removal.warning')}>
        <p>{t('secretariat.seatRemoval.lead')}</p>
        {seat.memberships.length > 0 ? (
          <>
            <p>{t('secretariat.seatRemoval.members', { count: seat.memberships.length })}</p>
            <ul>
              {seat.memberships.map((m) => (
                <li key={m.id}>
                  {m.displayName} ({t(`secretariat.role.${m.role}`)}, <Term startsOn={m.startsOn} endsOn={m.endsOn} />)
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('secretariat.seatRemoval.noMembers')}</p>
        )}
        <p>{t('secretariat.removal.public')}</p>
      </Alert>
      <form method="post" action={compositionPaths.seatDelete(seat.id)} class="form-narrow">
        <CsrfField />
        <div class="actions">
          <Button variant="warning">{t('secretariat.seatRemoval.confirm')}</Button>
          <ButtonLink href={compositionPaths.seat(seat.id)} variant="secondary">
            {t('secretariat.removal.back')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}

/** Correcting a member (name, organisation, bio, e-mail, role, term), or ending the term with an end date. */
export function AdminMembershipPage(props: {
  context: Context;
  seat: { id: string; name: string };
  form: FormState;
  notice?: string | undefined;
  problem?: string | undefined;
  action: string;
}) {
  const { t } = usePage();
  const { form } = props;
  const title = t('secretariat.memberPage.title', { name: form.values.displayName ?? '' });
  return (
    <>
      <Crumbs context={props.context} label={title} />
      <PageHeading title={title} lead={props.seat.name} />
      <Notices notice={props.notice} problem={props.problem} />
      <p>{t('secretariat.memberPage.lead')}</p>
      <form method="post" action={props.action} novalidate class="form-narrow">
        <ErrorSummary errors={form.summary} />
        <CsrfField />
        <RadioGroup
          id="role"
          name="role"
          legend={t('secretariat.member.role')}
          value={form.values.role}
          error={form.errors.role}
          options={membershipRoles.map((r) => ({ value: r, label: t(`secretariat.role.${r}`) }))}
        />
        <TextField
          id="displayName"
          name="displayName"
          label={t('secretariat.member.name')}
          value={form.values.displayName}
          error={form.errors.displayName}
          maxLength={200}
        />
        <TextField
          id="organization"
          name="organization"
          label={t('secretariat.member.organization')}
          value={form.values.organization}
          error={form.errors.organization}
          isOptional
          maxLength={200}
        />
        <TextArea
          id="bio"
          name="bio"
          label={t('secretariat.member.bio')}
          value={form.values.bio}
          error={form.errors.bio}
          isOptional
          maxLength={2000}
          rows={3}
        />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t('secretariat.member.email')}
          hint={t('secretariat.member.emailHint')}
          value={form.values.email}
          error={form.errors.email}
          isOptional
        />
        <TextField
          id="startsOn"
          name="startsOn"
          type="date"
          label={t('secretariat.member.startsOn')}
          value={form.values.startsOn}
          error={form.errors.startsOn}
        />
        <TextField
          id="endsOn"
          name="endsOn"
          type="date"
          label={t('secretariat.memberPage.endsOn')}
          hint={t('secretariat.memberPage.endsOnHint')}
          value={form.values.endsOn}
          error={form.errors.endsOn}
          isOptional
        />
        <div class="actions">
          <Button>{t('secretariat.memberPage.save')}</Button>
          <ButtonLink href={compositionPaths.seat(props.seat.id)} variant="secondary">
            {t('secretariat.removal.back')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}

/**
 * The fields of a document: kind, title, date, and its file or link (one of them). Their ids say "document" (the
 * Secretariat's admin page also holds the seat form, with a `kind` of its own).
 */
export function DocumentFields(props: { form: FormState; current?: SecretariatDocument | undefined }) {
  const { t } = usePage();
  const { form, current } = props;
  return (
    <>
      <SelectField
        id="documentKind"
        name="kind"
        label={t('secretariat.documentForm.kind')}
        value={form.values.kind}
        error={form.errors.kind}
        options={documentKinds.map((k) => ({ value: k, label: t(`secretariat.documentKind.${k}`) }))}
      />
      <TextField
        id="documentTitle"
        name="title"
        label={t('secretariat.documentForm.title')}
        value={form.values.title}
        error={form.errors.title}
        maxLength={300}
      />
      <TextField
        id="documentIssuedOn"
        name="issuedOn"
        type="date"
        label={t('secretariat.documentForm.issuedOn')}
        value={form.values.issuedOn}
        error={form.errors.issuedOn}
        isOptional
      />
      {current ? (
        <p>
          {current.file ? (
            <>
              {t('secretariat.documentForm.currentFile', { name: current.file.originalName })} (
              <FileFacts file={current.file} />)
            </>
          ) : (
            t('secretariat.documentForm.currentUrl', { url: current.url ?? '' })
          )}
        </p>
      ) : null}
      <FileField
        id="documentFile"
        name="file"
        accept={ACCEPTED_FILES}
        label={t(current ? 'secretariat.documentForm.replaceFile' : 'secretariat.documentForm.file')}
        hint={t('secretariat.documentForm.fileHint')}
        error={form.errors.file}
        isOptional
      />
      <TextField
        id="documentUrl"
        name="url"
        type="url"
        label={t(current ? 'secretariat.documentForm.replaceUrl' : 'secretariat.documentForm.url')}
        value={form.values.url}
        error={form.errors.url}
        isOptional
      />
    </>
  );
}

/** Correcting or replacing one of the Secretariat's documents, and a link to delete it. */
export function AdminDocumentPage(props: {
  context: Context;
  document: SecretariatDocument;
  form: FormState;
  problem?: string | undefined;
}) {
  const { t } = usePage();
  const { document } = props;
  const title = t('secretariat.documentPage.title', { title: document.title });
  return (
    <>
      <Crumbs context={props.context} label={title} />
      <PageHeading title={title} lead={t('secretariat.documentPage.lead')} />
      <Notices problem={props.problem} />
      <form
        method="post"
        action={compositionPaths.document(document.id)}
        enctype="multipart/form-data"
        novalidate
        class="form-narrow"
      >
        <ErrorSummary errors={props.form.summary} />
        <CsrfField />
        <DocumentFields form={props.form} current={document} />
        <Button>{t('secretariat.documentPage.save')}</Button>
      </form>
      <h2>{t('secretariat.documentPage.deleteTitle')}</h2>
      <p>
        <a href={compositionPaths.documentDelete(document.id)}>{t('secretariat.documentPage.delete')}</a>
      </p>
    </>
  );
}

/** The confirmation of deleting a document: what disappears from the public page and what the history keeps. */
export function DocumentRemovalPage(props: { context: Context; document: SecretariatDocument }) {
  const { t, format } = usePage();
  const { document } = props;
  const title = t('secretariat.documentRemoval.title', { title: document.title });
  return (
    <>
      <Crumbs context={props.context} label={title} />
      <PageHeading title={title} />
      <Alert kind="warning" title={t('secretariat.removal.warning')}>
        <p>{t('secretariat.documentRemoval.lead')}</p>
        <dl class="meta-list">
          <div>
            <dt>{t('secretariat.documentForm.kind')}</dt>
            <dd>{t(`secretariat.documentKind.${document.kind}`)}</dd>
          </div>
          {document.issuedOn ? (
            <div>
              <dt>{t('secretariat.documentForm.issuedOn')}</dt>
              <dd>{format.calendarDate(document.issuedOn)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('secretariat.documentRemoval.source')}</dt>
            <dd>
              {document.file ? (
                <>
                  {document.file.originalName} (<FileFacts file={document.file} />)
                </>
              ) : (
                document.url
              )}
            </dd>
          </div>
        </dl>
        <p>{t('secretariat.removal.public')}</p>
      </Alert>
      <form method="post" action={compositionPaths.documentDelete(document.id)} class="form-narrow">
        <CsrfField />
        <div class="actions">
          <Button variant="warning">{t('secretariat.documentRemoval.confirm')}</Button>
          <ButtonLink href={compositionPaths.document(document.id)} variant="secondary">
            {t('secretariat.removal.back')}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
