/*
 * The IRM scales, with the exact values stored (labels in messages.ts), and the flags derived from them. Each
 * assessment stores the method it was made with, so an exercise judged on the earlier scale keeps its meaning.
 */

/** The methods: IRM 2021 (plans from 2020 on) and the earlier IRM method. */
export const assessmentMethods = ['irm_2021', 'irm_legacy'] as const;
export type AssessmentMethod = (typeof assessmentMethods)[number];

export const verifiabilityLevels = ['verifiable', 'not_verifiable'] as const;
export type Verifiability = (typeof verifiabilityLevels)[number];

/** The open-government values an evaluator judges, each with a justification. */
export const openGovernmentValues = ['access_to_information', 'civic_participation', 'public_accountability'] as const;
export type OpenGovernmentValue = (typeof openGovernmentValues)[number];
export type ValueJudgements = Record<OpenGovernmentValue, { relevant: boolean; justification: string }>;

/** Potential for results (IRM 2021) and potential impact (earlier IRM method). */
export const potentialScales = {
  irm_2021: ['unclear', 'modest', 'substantial'],
  irm_legacy: ['none', 'minor', 'moderate', 'transformative'],
} as const satisfies Record<AssessmentMethod, readonly string[]>;
export type Potential = (typeof potentialScales)[AssessmentMethod][number];
export const potentialLevels: readonly Potential[] = [...potentialScales.irm_2021, ...potentialScales.irm_legacy];

export const completionLevels = ['no_evidence', 'not_started', 'limited', 'substantial', 'complete'] as const;
export type Completion = (typeof completionLevels)[number];

/** Did it open government? (early results). */
export const openedGovernmentLevels = ['worsened', 'did_not_change', 'marginal', 'major', 'outstanding'] as const;
export type OpenedGovernment = (typeof openedGovernmentLevels)[number];

/** What the lead institution declares in a progress report (the government self-assessment's scale). */
export const declaredStatuses = ['not_started', 'limited', 'substantial', 'complete'] as const;
export type DeclaredStatus = (typeof declaredStatuses)[number];

export const reportPeriods = ['first', 'second', 'final'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

/**
 * The IRM's own rule: plans that start in 2020 or later are judged with the 2021 method, earlier ones with the earlier
 * method.
 */
export const methodForPlan = (periodStart: string): AssessmentMethod =>
  periodStart >= '2020-01-01' ? 'irm_2021' : 'irm_legacy';

export const isPotentialOf = (method: AssessmentMethod, value: string): value is Potential =>
  (potentialScales[method] as readonly string[]).includes(value);

/** Relevant to open government: at least one value judged relevant. */
export const isRelevant = (values: ValueJudgements | null | undefined) =>
  Boolean(values && openGovernmentValues.some((v) => values[v].relevant));

/**
 * Starred (earlier IRM method), derived and never typed: verifiable, relevant to at least one open-government value,
 * potential impact moderate or transformative, and completion substantial or complete. Undefined when it does not
 * apply (the 2021 method) or cannot be known yet (no end assessment).
 */
export function isStarred(
  design: {
    method: AssessmentMethod;
    verifiability: Verifiability;
    values: ValueJudgements | null;
    potential: Potential | null;
  },
  completion: Completion | null | undefined,
): boolean | undefined {
  if (design.method !== 'irm_legacy') return undefined;
  if (design.verifiability !== 'verifiable') return false;
  if (!completion) return undefined;
  return (
    isRelevant(design.values) &&
    (design.potential === 'moderate' || design.potential === 'transformative') &&
    (completion === 'substantial' || completion === 'complete')
  );
}

/**
 * "Promising" (IRM 2021) is a justified judgement, allowed only for a verifiable commitment relevant to open
 * government.
 */
export const canBePromising = (verifiability: Verifiability, values: ValueJudgements | null) =>
  verifiability === 'verifiable' && isRelevant(values);

/** High completion and strong early results, as the IRM groups them. */
export const isHighCompletion = (completion: Completion) => completion === 'substantial' || completion === 'complete';
export const isStrongResult = (opened: OpenedGovernment) => opened === 'major' || opened === 'outstanding';

/** The level of a declared status or an assessed completion on one ladder: no evidence counts as not started. */
const completionRank: Record<Completion, number> = {
  no_evidence: 0,
  not_started: 0,
  limited: 1,
  substantial: 2,
  complete: 3,
};

export type Disagreement = 'levels_differ' | 'complete_under_100';

/**
 * Where what the government declared and what was measured or judged part ways (the results page shows this rule):
 * - `levels_differ`: the latest declared status and the evaluator's completion are different levels (no evidence
 *   counts as not started);
 * - `complete_under_100`: the government declared the commitment complete while its derived progress is under 100 %.
 */
export function disagreements(row: {
  declared: DeclaredStatus | null;
  progress: number;
  completion: Completion | null;
}): Disagreement[] {
  const found: Disagreement[] = [];
  if (row.declared && row.completion && completionRank[row.declared] !== completionRank[row.completion])
    found.push('levels_differ');
  if (row.declared === 'complete' && row.progress < 100) found.push('complete_under_100');
  return found;
}

/** The shortest narrative an end assessment takes, in characters (OGP asks for a reasoned account). */
export const END_NARRATIVE_MIN = 200;
