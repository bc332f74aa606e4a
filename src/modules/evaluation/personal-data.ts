import type { PersonalDataDeclaration } from '../../kernel/personal-data.js';
import { designAssessments, endAssessments, progressReports } from './schema.js';

/**
 * Evaluation: the progress reports the person filed for their institution and the assessments they signed. A
 * published assessment is signed in public with the assessor's name and organisation, a public act that stays
 * (decision 0029); a report's author was never shown. Both keep pointing to the anonymous account: nothing to change.
 */
export const evaluationPersonalData: PersonalDataDeclaration = {
  tables: [
    { table: progressReports, byUser: [progressReports.authorId] },
    { table: designAssessments, byUser: [designAssessments.assessorId] },
    { table: endAssessments, byUser: [endAssessments.assessorId] },
  ],
};
