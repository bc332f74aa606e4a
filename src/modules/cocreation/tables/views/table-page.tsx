import {
  Alert,
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  Table,
  TextArea,
  TextField,
} from '../../../../web/components/index.js';
import { emptyForm, type FormState } from '../../../../web/forms.js';
import { usePage } from '../../../../web/page-context.js';
import { problemPath, proposalPath, tablePath, tablesPath } from '../../paths.js';
import { ProposalStatusBadge } from '../../proposals/views/proposal-labels.js';
import type { ExerciseRef } from '../../views/problems-page.js';
import type { TableDetail } from '../get-table.js';
import { TableFigures, TableStatusBadge } from './table-labels.js';

export interface TableForms {
  register: FormState;
  close: FormState;
}

/** Who is looking: whether they may register (signed in with a confirmed e-mail), and staff. */
export interface TableViewer {
  isSignedIn: boolean;
  isConfirmed: boolean;
  isStaff: boolean;
}

/**
 * A co-creation table's public page: its problems, when and where, who facilitates, the materials, places taken and
 * the waiting list, registering or cancelling, and once closed its report, the organisations that attended and the
 * proposals that came out of it. Staff record attendance and close it here.
 */
export function TablePage(props: {
  exercise: ExerciseRef;
  detail: TableDetail;
  viewer: TableViewer;
  /** Proposals answering its problems that closing it may link (staff). */
  candidates: { number: number; title: string }[];
  isOpen: boolean;
  notice?: string | undefined;
  problemMessage?: string | undefined;
  forms?: Partial<TableForms>;
}) {
  const { t, format } = usePage();
  const { exercise, detail } = props;
  const { table } = detail;
  const path = tablePath(exercise.slug, table.number);
  const forms: TableForms = { register: emptyForm(), close: emptyForm(), ...props.forms };
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { href: tablesPath(exercise.slug), label: t('cocreation.tables.title') },
          { label: t('cocreation.table.crumb', { number: table.number }) },
        ]}
      />
      <PageHeading title={t('cocreation.table.heading', { number: table.number, title: table.title })}>
        <p>
          <TableStatusBadge status={table.status} />
        </p>
      </PageHeading>
      <Notices notice={props.notice} problem={props.problemMessage} />
      <dl class="meta-list">
        <dt>{t('cocreation.table.when')}</dt>
        <dd>
          {format.dateTime(table.startsAt)} – {format.dateTime(table.endsAt)}{' '}
          <a href={`${path}/calendario.ics`}>{t('cocreation.table.calendar')}</a>
        </dd>
        <dt>{t('cocreation.table.where')}</dt>
        <dd>
          {table.place ?? ''}
          {table.place && table.onlineUrl ? ' · ' : ''}
          {table.onlineUrl ? (
            <a href={table.onlineUrl} rel="noopener noreferrer nofollow">
              {t('cocreation.table.link')}
            </a>
          ) : null}
        </dd>
        <dt>{t('cocreation.table.facilitator')}</dt>
        <dd>{table.facilitator}</dd>
        <dt>{t('cocreation.table.places')}</dt>
        <dd>
          <TableFigures figures={detail.figures} capacity={table.capacity} />
        </dd>
      </dl>
      <h2>{t('cocreation.table.problems')}</h2>
      <ul>
        {detail.problems.map((problem) => (
          <li key={problem.number}>
            <a href={problemPath(exercise.slug, problem.number)}>
              {problem.title === null
                ? t('cocreation.hidden.title', { number: problem.number })
                : t('cocreation.problem.heading', { number: problem.number, title: problem.title })}
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('cocreation.table.materials')}</h2>
      <p class="prewrap">{table.materials || t('cocreation.table.noMaterials')}</p>
      {table.status === 'scheduled' ? (
        <RegistrationPanel
          path={path}
          detail={detail}
          viewer={props.viewer}
          isOpen={props.isOpen}
          form={forms.register}
        />
      ) : (
        <ClosedTable exerciseSlug={exercise.slug} detail={detail} />
      )}
      {props.viewer.isStaff ? (
        <TableStaffPanel path={path} detail={detail} candidates={props.candidates} form={forms.close} />
      ) : null}
    </>
  );
}

/** Registering (with optional needs), the viewer's place or waiting-list position, and cancelling. */
function RegistrationPanel(props: {
  path: string;
  detail: TableDetail;
  viewer: TableViewer;
  isOpen: boolean;
  form: FormState;
}) {
  const { t, format } = usePage();
  const { path, detail, viewer, form } = props;
  const mine = detail.registration;
  return (
    <section aria-labelledby="register-heading" id="inscripcion">
      <h2 id="register-heading">{t('cocreation.table.registerTitle')}</h2>
      {!props.isOpen ? (
        <p>{t('cocreation.table.registrationClosed')}</p>
      ) : mine ? (
        <>
          <p>
            <strong>
              {mine.status === 'registered'
                ? t('cocreation.table.youHavePlace')
                : t('cocreation.table.youWait', { position: format.number(mine.position) })}
            </strong>
          </p>
          <form method="post" action={`${path}/inscripcion/cancelar`} class="inline-form">
            <CsrfField />
            <Button variant="secondary">{t('cocreation.table.cancel')}</Button>
          </form>
        </>
      ) : !viewer.isSignedIn ? (
        <ButtonLink href={`/entrar?siguiente=${encodeURIComponent(path)}`} variant="secondary">
          {t('cocreation.table.signIn')}
        </ButtonLink>
      ) : !viewer.isConfirmed ? (
        <p>{t('cocreation.new.unconfirmed')}</p>
      ) : (
        <form method="post" action={`${path}/inscripcion`} novalidate class="form-narrow">
          <ErrorSummary errors={form.summary} />
          <CsrfField />
          <p>
            {detail.figures.registered < detail.table.capacity
              ? t('cocreation.table.roomLeft')
              : t('cocreation.table.full')}
          </p>
          <TextArea
            id="register-accessibilityNeeds"
            name="accessibilityNeeds"
            label={t('cocreation.table.accessibility')}
            hint={t('cocreation.table.accessibilityHint')}
            value={form.values.accessibilityNeeds}
            error={form.errors.accessibilityNeeds}
            isOptional
            rows={3}
            maxLength={1000}
          />
          <TextField
            id="register-interpreterLanguage"
            name="interpreterLanguage"
            label={t('cocreation.table.interpreter')}
            hint={t('cocreation.table.interpreterHint')}
            value={form.values.interpreterLanguage}
            error={form.errors.interpreterLanguage}
            isOptional
            maxLength={120}
          />
          <Button>{t('cocreation.table.register')}</Button>
        </form>
      )}
      <p class="field__hint">{t('cocreation.table.privacy')}</p>
    </section>
  );
}

/** A closed table: its report, the organisations that attended, the proposals that came out of it. */
function ClosedTable(props: { exerciseSlug: string; detail: TableDetail }) {
  const { t, format } = usePage();
  const { table } = props.detail;
  return (
    <section aria-labelledby="closing-heading">
      <h2 id="closing-heading">{t('cocreation.table.closingTitle')}</h2>
      <p>{t('cocreation.table.closedOn', { date: format.date(table.closedAt!) })}</p>
      <p class="prewrap">{table.closingReport}</p>
      <h3>{t('cocreation.table.organisations')}</h3>
      <ul>
        {(table.attendingOrganisations ?? '').split('\n').map((organisation) => (
          <li key={organisation}>{organisation}</li>
        ))}
      </ul>
      <h3>{t('cocreation.table.proposals')}</h3>
      {props.detail.proposals.length === 0 ? (
        <p>{t('cocreation.table.noProposals')}</p>
      ) : (
        <ul>
          {props.detail.proposals.map((proposal) => (
            <li key={proposal.number}>
              <a href={proposalPath(props.exerciseSlug, proposal.number)}>
                {t('cocreation.proposal.heading', { number: proposal.number, title: proposal.title })}
              </a>{' '}
              <ProposalStatusBadge status={proposal.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Staff: who registered (names and needs: personal data, staff only), attendance, and closing the table. */
function TableStaffPanel(props: {
  path: string;
  detail: TableDetail;
  candidates: { number: number; title: string }[];
  form: FormState;
}) {
  const { t } = usePage();
  const { path, detail, form } = props;
  const chosen = new Set((form.values.proposalNumbers ?? '').split(','));
  const isScheduled = detail.table.status === 'scheduled';
  return (
    <section aria-labelledby="table-staff-heading" class="panel">
      <h2 id="table-staff-heading">{t('cocreation.table.staffTitle')}</h2>
      {detail.registrations.length === 0 ? (
        <p>{t('cocreation.table.noRegistrations')}</p>
      ) : (
        <form method="post" action={`${path}/asistencia`}>
          <CsrfField />
          <Table
            caption={t('cocreation.table.registrations')}
            rows={detail.registrations}
            rowKey={(row) => row.id}
            columns={[
              {
                header: t('cocreation.table.attended'),
                cell: (row) => (
                  <input
                    type="checkbox"
                    name="attended"
                    value={row.id}
                    checked={row.attended === true}
                    disabled={!isScheduled}
                    aria-label={t('cocreation.table.attendedBy', { name: row.name })}
                  />
                ),
              },
              { header: t('cocreation.table.person'), cell: (row) => row.name },
              { header: t('cocreation.table.status'), cell: (row) => t(`cocreation.registrationStatus.${row.status}`) },
              {
                header: t('cocreation.table.needs'),
                cell: (row) =>
                  [
                    row.accessibilityNeeds,
                    row.interpreterLanguage
                      ? t('cocreation.table.interpreterIn', { language: row.interpreterLanguage })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—',
              },
            ]}
          />
          {isScheduled ? <Button variant="secondary">{t('cocreation.table.saveAttendance')}</Button> : null}
        </form>
      )}
      {isScheduled ? (
        <form method="post" action={`${path}/cierre`} novalidate class="form-section">
          <h3>{t('cocreation.table.closeTitle')}</h3>
          <ErrorSummary errors={form.summary} />
          <CsrfField />
          <TextArea
            id="close-closingReport"
            name="closingReport"
            label={t('cocreation.table.closingReport')}
            hint={t('cocreation.table.closingReportHint')}
            value={form.values.closingReport}
            error={form.errors.closingReport}
            rows={6}
            maxLength={10_000}
          />
          <TextArea
            id="close-attendingOrganisations"
            name="attendingOrganisations"
            label={t('cocreation.table.organisations')}
            hint={t('cocreation.table.organisationsHint')}
            value={form.values.attendingOrganisations}
            error={form.errors.attendingOrganisations}
            rows={4}
            maxLength={10_000}
          />
          <fieldset class="field" id="close-proposalNumbers">
            <legend class="field__label">{t('cocreation.table.proposalsLegend')}</legend>
            {form.errors.proposalNumbers ? <p class="field__error">{form.errors.proposalNumbers}</p> : null}
            {props.candidates.length === 0 ? <p>{t('cocreation.table.noCandidates')}</p> : null}
            {props.candidates.map((proposal) => (
              <div class="choice" key={proposal.number}>
                <input
                  class="choice__input"
                  type="checkbox"
                  id={`close-proposal-${proposal.number}`}
                  name="proposalNumbers"
                  value={String(proposal.number)}
                  checked={chosen.has(String(proposal.number))}
                />
                <label class="choice__label" for={`close-proposal-${proposal.number}`}>
                  {t('cocreation.proposal.heading', { number: proposal.number, title: proposal.title })}
                </label>
              </div>
            ))}
          </fieldset>
          <Button>{t('cocreation.table.close')}</Button>
        </form>
      ) : null}
      <Alert kind="info">
        <p>{t('cocreation.table.staffPrivacy')}</p>
      </Alert>
    </section>
  );
}
