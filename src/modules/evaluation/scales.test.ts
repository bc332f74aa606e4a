import { describe, expect, it } from 'vitest';
import { evaluationMessages } from './messages.js';
import {
  assessmentMethods,
  canBePromising,
  completionLevels,
  declaredStatuses,
  disagreements,
  isStarred,
  methodForPlan,
  openedGovernmentLevels,
  openGovernmentValues,
  potentialScales,
  reportPeriods,
  verifiabilityLevels,
  type ValueJudgements,
} from './scales.js';

const es = evaluationMessages.es as Record<string, string>;
const en = evaluationMessages.en as Record<string, string>;
const labels = (prefix: string, values: readonly string[]) => ({
  es: values.map((v) => es[`${prefix}.${v}`]),
  en: values.map((v) => en[`${prefix}.${v}`]),
});

const values = (relevant: boolean): ValueJudgements =>
  Object.fromEntries(openGovernmentValues.map((v) => [v, { relevant, justification: 'Porque sí' }])) as ValueJudgements;

describe('the IRM scales, exactly, in both languages', () => {
  it('offers exactly the values of each scale with their published labels', () => {
    expect(assessmentMethods).toEqual(['irm_2021', 'irm_legacy']);
    expect(labels('evaluation.verifiability', verifiabilityLevels)).toEqual({
      es: ['Verificable', 'No verificable'],
      en: ['Verifiable', 'Not verifiable'],
    });
    expect(labels('evaluation.value', openGovernmentValues)).toEqual({
      es: ['Acceso a la información', 'Participación cívica', 'Rendición de cuentas pública'],
      en: ['Access to information', 'Civic participation', 'Public accountability'],
    });
    expect(labels('evaluation.potential', potentialScales.irm_2021)).toEqual({
      es: ['Poco claro', 'Modesto', 'Sustancial'],
      en: ['Unclear', 'Modest', 'Substantial'],
    });
    expect(labels('evaluation.potential', potentialScales.irm_legacy)).toEqual({
      es: ['Ninguno', 'Menor', 'Moderado', 'Transformador'],
      en: ['None', 'Minor', 'Moderate', 'Transformative'],
    });
    expect(labels('evaluation.completion', completionLevels)).toEqual({
      es: ['No hay evidencia disponible', 'No iniciado', 'Limitado', 'Sustancial', 'Completo'],
      en: ['No evidence available', 'Not started', 'Limited', 'Substantial', 'Complete'],
    });
    expect(labels('evaluation.opened', openedGovernmentLevels)).toEqual({
      es: ['Empeoró', 'No cambió', 'Marginalmente', 'Significativamente', 'Excepcionalmente'],
      en: ['Worsened', 'Did not change', 'Marginal', 'Major', 'Outstanding'],
    });
    expect(labels('evaluation.declared', declaredStatuses).en).toEqual([
      'Not started',
      'Limited',
      'Substantial',
      'Complete',
    ]);
    expect(labels('evaluation.period', reportPeriods).es).toEqual([
      'Primer informe de avance',
      'Segundo informe de avance',
      'Informe final',
    ]);
    expect(es['evaluation.notReviewable']).toBe('No revisable');
  });

  it('judges plans from 2020 on with the 2021 method and earlier plans with the earlier one', () => {
    expect(methodForPlan('2021-05-03')).toBe('irm_2021');
    expect(methodForPlan('2017-11-01')).toBe('irm_legacy');
  });
});

describe('the derived flags', () => {
  const legacy = (potential: 'none' | 'minor' | 'moderate' | 'transformative', relevant = true) => ({
    method: 'irm_legacy' as const,
    verifiability: 'verifiable' as const,
    values: values(relevant),
    potential,
  });

  it('stars a verifiable, relevant commitment of moderate or transformative impact with substantial or complete completion, and no other', () => {
    expect(isStarred(legacy('moderate'), 'substantial')).toBe(true);
    expect(isStarred(legacy('transformative'), 'complete')).toBe(true);
    expect(isStarred(legacy('minor'), 'complete')).toBe(false);
    expect(isStarred(legacy('transformative'), 'limited')).toBe(false);
    expect(isStarred(legacy('transformative', false), 'complete')).toBe(false);
    expect(
      isStarred({ method: 'irm_legacy', verifiability: 'not_verifiable', values: null, potential: null }, undefined),
    ).toBe(false);
  });

  it('leaves "starred" unknown until the end assessment, and out of the 2021 method', () => {
    expect(isStarred(legacy('transformative'), undefined)).toBeUndefined();
    expect(
      isStarred(
        { method: 'irm_2021', verifiability: 'verifiable', values: values(true), potential: 'substantial' },
        'complete',
      ),
    ).toBeUndefined();
  });

  it('allows "promising" only for a verifiable commitment relevant to a value', () => {
    expect(canBePromising('verifiable', values(true))).toBe(true);
    expect(canBePromising('verifiable', values(false))).toBe(false);
    expect(canBePromising('not_verifiable', null)).toBe(false);
  });

  it('marks a disagreement when declared and assessed levels differ, or "complete" is declared under 100 %', () => {
    expect(disagreements({ declared: 'complete', progress: 100, completion: 'complete' })).toEqual([]);
    expect(disagreements({ declared: 'not_started', progress: 0, completion: 'no_evidence' })).toEqual([]);
    expect(disagreements({ declared: 'complete', progress: 100, completion: 'substantial' })).toEqual([
      'levels_differ',
    ]);
    expect(disagreements({ declared: 'complete', progress: 80, completion: null })).toEqual(['complete_under_100']);
    expect(disagreements({ declared: null, progress: 10, completion: 'limited' })).toEqual([]);
  });
});
