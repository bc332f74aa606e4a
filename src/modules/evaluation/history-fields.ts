import {
  enumField,
  keyedField,
  labelsWithPrefix,
  referenceTo,
  technicalField,
  type FieldDisplay,
  type RecordTitle,
} from '../../kernel/records.js';
import {
  assessmentMethods,
  completionLevels,
  declaredStatuses,
  openedGovernmentLevels,
  openGovernmentValues,
  potentialLevels,
  reportPeriods,
  verifiabilityLevels,
} from './scales.js';
import { lessonFollowUpStatuses, originQuorumRules as quorumRules } from './schema.js';

const commitment = referenceTo('commitment', { parent: true });
const method = enumField(assessmentMethods, 'evaluation.history.method.');
const percent: FieldDisplay = { kind: 'percent' };

/** How the public history shows reports and assessments: their scales in words, progress as a percentage. */
export const evaluationRecordFields = {
  progress_report: {
    commitmentId: commitment,
    period: enumField(reportPeriods, 'evaluation.period.'),
    declaredStatus: enumField(declaredStatuses, 'evaluation.declared.'),
    progressAtReport: percent,
  },
  design_assessment: {
    commitmentId: commitment,
    method,
    verifiability: enumField(verifiabilityLevels, 'evaluation.verifiability.'),
    ogValues: keyedField(openGovernmentValues, 'evaluation.value.'),
    potential: enumField(potentialLevels, 'evaluation.potential.'),
  },
  end_assessment: {
    commitmentId: commitment,
    method,
    completion: enumField(completionLevels, 'evaluation.completion.'),
    openedGovernment: enumField(openedGovernmentLevels, 'evaluation.opened.'),
    finalReportId: referenceTo('progress_report'),
    progressAtAssessment: percent,
  },
  evaluation_method: { method },
  results_report_version: { exerciseId: referenceTo('exercise', { parent: true }), sha256: technicalField },
  lesson: { exerciseId: referenceTo('exercise', { parent: true }) },
  lesson_follow_up: {
    exerciseId: referenceTo('exercise', { parent: true }),
    lessonId: referenceTo('lesson'),
    status: enumField(lessonFollowUpStatuses, 'evaluationLessons.status.'),
  },
  exercise_origin: {
    exerciseId: referenceTo('exercise', { parent: true }),
    previousExerciseId: referenceTo('exercise'),
    quorumRule: enumField(quorumRules, 'secretariat.quorum.'),
    seats: technicalField,
    lessonIds: technicalField,
  },
} satisfies Record<string, Record<string, FieldDisplay>>;

/** A progress report named by its period: "Informe final". */
export const reportTitle: RecordTitle = (row) => {
  const key = labelsWithPrefix('evaluation.period.')(String(row.period));
  return key ? { key } : undefined;
};
