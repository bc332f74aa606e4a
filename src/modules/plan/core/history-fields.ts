import { enumField, keyedField, referenceTo, technicalField, type FieldDisplay } from '../../../kernel/records.js';
import {
  activityStatuses,
  commitmentStatuses,
  evidenceStatuses,
  ogpValues,
  partnerRoles,
  planStatuses,
  smartCriteria,
} from '../schema.js';

const agreement = referenceTo('agreement');

/** How the public history shows the plan's records: enumerations in words, references by name, no identifiers. */
export const planRecordFields = {
  action_plan: {
    status: enumField(planStatuses, 'plan.planStatus.'),
    approvalAgreementId: agreement,
    documentFileId: technicalField,
  },
  commitment: {
    planId: referenceTo('action_plan', { parent: true }),
    status: enumField(commitmentStatuses, 'plan.commitmentStatus.'),
    ogpValues: keyedField(ogpValues, 'plan.value.'),
    smart: keyedField(smartCriteria, 'plan.smart.'),
    alignmentSdgs: { kind: 'numbered', label: 'plan.field.sdg' },
    approvalAgreementId: agreement,
    modificationAgreementId: agreement,
    originProblemId: referenceTo('problem'),
    originProposalId: referenceTo('proposal'),
    'partners.role': enumField(partnerRoles, 'plan.partnerRole.'),
  },
  milestone: { commitmentId: referenceTo('commitment', { parent: true }) },
  activity: {
    milestoneId: referenceTo('milestone', { parent: true }),
    status: enumField(activityStatuses, 'plan.activityStatus.'),
  },
  activity_note: { activityId: referenceTo('activity', { parent: true }) },
  evidence: {
    activityId: referenceTo('activity', { parent: true }),
    status: enumField(evidenceStatuses, 'plan.evidenceStatus.'),
    'file.type': { kind: 'lookup', lookup: 'fileType' },
    'file.size': { kind: 'bytes' },
    'file.sha256': technicalField,
  },
} satisfies Record<string, Record<string, FieldDisplay>>;
