import { enumField, referenceTo, technicalField, type FieldDisplay, type RecordTitle } from '../../kernel/records.js';
import { hasMessage } from '../../web/i18n/i18n.js';
import {
  agreementOutcomes,
  agreementStatuses,
  attendanceStatuses,
  decisionMethods,
  documentKinds,
  membershipRoles,
  quorumRules,
  seatKinds,
  sessionKinds,
  sessionStatuses,
  voteChoices,
} from './schema.js';

const secretariat = referenceTo('secretariat', { parent: true });
const seat = referenceTo('secretariat_seat');
/** A file's facts as logged: its type and size in words; its digest only on the technical view. */
const fileFacts = (field: string): Record<string, FieldDisplay> => ({
  [`${field}.type`]: { kind: 'lookup', lookup: 'fileType' },
  [`${field}.size`]: { kind: 'bytes' },
  [`${field}.sha256`]: technicalField,
});

/** How the public history shows the Secretariat's records: every enumeration in words, seats by their name. */
export const secretariatRecordFields = {
  secretariat: { secretariatId: secretariat, quorumRule: enumField(quorumRules, 'secretariat.quorum.') },
  secretariat_seat: { secretariatId: secretariat, kind: enumField(seatKinds, 'secretariat.seatKind.') },
  secretariat_membership: { seatId: seat, role: enumField(membershipRoles, 'secretariat.role.') },
  secretariat_session: {
    secretariatId: secretariat,
    kind: enumField(sessionKinds, 'secretariat.sessionKind.'),
    status: enumField(sessionStatuses, 'secretariat.sessionStatus.'),
    minutesFileId: technicalField,
    ...fileFacts('minutesFile'),
  },
  secretariat_attendance: {
    'attendance.seatId': seat,
    'attendance.status': enumField(attendanceStatuses, 'secretariat.attendance.'),
  },
  agreement: {
    sessionId: referenceTo('secretariat_session', { parent: true }),
    decisionMethod: enumField(decisionMethods, 'secretariat.history.decision.'),
    outcome: enumField(agreementOutcomes, 'secretariat.outcome.'),
    status: enumField(agreementStatuses, 'secretariat.agreementStatus.'),
    'votes.seatId': seat,
    'votes.vote': enumField(voteChoices, 'secretariat.vote.'),
    'links.recordType': { kind: 'recordType' },
    'links.recordId': { kind: 'referenceBy', typeField: 'recordType' },
  },
  document: {
    kind: enumField(documentKinds, 'secretariat.documentKind.'),
    fileId: technicalField,
    ...fileFacts('file'),
    recordType: { kind: 'recordType' },
    recordId: { kind: 'referenceBy', typeField: 'recordType' },
  },
} satisfies Record<string, Record<string, FieldDisplay>>;

/** A session named as the portal names it: "Sesión ordinaria 3". */
export const sessionTitle: RecordTitle = (row) => {
  const key = `secretariat.session.name.${String(row.kind)}`;
  return hasMessage(key) && typeof row.number === 'number' ? { key, params: { number: row.number } } : undefined;
};

/** A seat by its own label, else by its institution's name, else by its kind ("Sociedad civil"). */
export const seatTitle: RecordTitle = (row) => {
  if (typeof row.label === 'string' && row.label.trim() !== '') return row.label;
  if (typeof row.institutionId === 'string') return { recordType: 'institution', recordId: row.institutionId };
  const key = `secretariat.seatKind.${String(row.kind)}`;
  return hasMessage(key) ? { key } : undefined;
};
