import type { CommitmentContact } from '../schema.js';
import { ogpValues, smartCriteria } from '../schema.js';
import type { CommitmentFields } from './commitment-fields.js';
import type { ActivityFields, MilestoneFields } from './milestone-fields.js';
import type { commitments, milestones, activities } from '../schema.js';

/* The admin forms' strings to use-case inputs and back. Lists are written one item per line. */

export const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The text fields of the commitment form, in the order they appear (the error summary follows it). */
export const commitmentTextFields = [
  'title',
  'theme',
  'leadInstitutionId',
  'startsOn',
  'endsOn',
  'publicProblem',
  'baseline',
  'causes',
  'description',
  'objective',
  'howItSolves',
  'indicator',
  'goal',
  'assumptions',
  'alignmentStatePlan',
  'alignmentSdgs',
  'alignmentGender',
  'coResponsible',
  'otherActors',
  'contacts',
] as const;

/** Every field name the commitment form sends (checkboxes and justifications included). */
export const commitmentFormFields = [
  ...commitmentTextFields,
  ...ogpValues.flatMap((v) => [`value_${v}`, `value_${v}_why`]),
  ...smartCriteria.flatMap((c) => [`smart_${c}`, `smart_${c}_why`]),
] as const;

export type FormValues = Record<string, string>;

/** A contact line: "Name | position | institution | e-mail | phone". */
const contactOf = (line: string): CommitmentContact => {
  const [name = '', position, institution, email, phone] = line.split('|').map((part) => part.trim());
  return {
    name,
    ...(position ? { position } : {}),
    ...(institution ? { institution } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
  };
};

export function commitmentInputOf(values: FormValues, municipalities: string[]): CommitmentFields {
  return {
    title: values.title ?? '',
    theme: orNull(values.theme),
    leadInstitutionId: values.leadInstitutionId ?? '',
    startsOn: orNull(values.startsOn),
    endsOn: orNull(values.endsOn),
    publicProblem: values.publicProblem ?? '',
    baseline: values.baseline ?? '',
    causes: values.causes ?? '',
    description: values.description ?? '',
    objective: values.objective ?? '',
    howItSolves: values.howItSolves ?? '',
    indicator: values.indicator ?? '',
    goal: values.goal ?? '',
    assumptions: values.assumptions ?? '',
    alignmentStatePlan: values.alignmentStatePlan ?? '',
    alignmentSdgs: (values.alignmentSdgs ?? '')
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number),
    alignmentGender: values.alignmentGender ?? '',
    ogpValues: Object.fromEntries(
      ogpValues.map((v) => [
        v,
        { relevant: values[`value_${v}`] === 'yes', justification: values[`value_${v}_why`] ?? '' },
      ]),
    ),
    smart: Object.fromEntries(
      smartCriteria.map((c) => [
        c,
        { met: values[`smart_${c}`] === 'yes', justification: values[`smart_${c}_why`] ?? '' },
      ]),
    ),
    contacts: linesOf(values.contacts ?? '').map(contactOf),
    municipalities,
    partners: [
      ...linesOf(values.coResponsible ?? '').map((name) => ({
        role: 'co_responsible' as const,
        name,
        institutionId: null,
      })),
      ...linesOf(values.otherActors ?? '').map((name) => ({ role: 'other_actor' as const, name, institutionId: null })),
    ],
  };
}

export function commitmentValuesOf(
  c: typeof commitments.$inferSelect,
  partners: { role: string; name: string | null; institutionName: string | null }[],
): FormValues {
  const partnerLines = (role: string) =>
    partners
      .filter((p) => p.role === role)
      .map((p) => p.institutionName ?? p.name ?? '')
      .join('\n');
  return {
    title: c.title,
    theme: c.theme ?? '',
    leadInstitutionId: c.leadInstitutionId,
    startsOn: c.startsOn ?? '',
    endsOn: c.endsOn ?? '',
    publicProblem: c.publicProblem,
    baseline: c.baseline,
    causes: c.causes,
    description: c.description,
    objective: c.objective,
    howItSolves: c.howItSolves,
    indicator: c.indicator,
    goal: c.goal,
    assumptions: c.assumptions,
    alignmentStatePlan: c.alignmentStatePlan,
    alignmentSdgs: c.alignmentSdgs.join(', '),
    alignmentGender: c.alignmentGender,
    coResponsible: partnerLines('co_responsible'),
    otherActors: partnerLines('other_actor'),
    contacts: c.contacts
      .map((k) =>
        [k.name, k.position ?? '', k.institution ?? '', k.email ?? '', k.phone ?? '']
          .join(' | ')
          .replace(/( \| )+$/, ''),
      )
      .join('\n'),
    ...Object.fromEntries(
      ogpValues.flatMap((v) => [
        [`value_${v}`, c.ogpValues[v]?.relevant ? 'yes' : ''],
        [`value_${v}_why`, c.ogpValues[v]?.justification ?? ''],
      ]),
    ),
    ...Object.fromEntries(
      smartCriteria.flatMap((s) => [
        [`smart_${s}`, c.smart[s]?.met ? 'yes' : ''],
        [`smart_${s}_why`, c.smart[s]?.justification ?? ''],
      ]),
    ),
  };
}

export const milestoneFormFields = [
  'title',
  'deliverable',
  'responsibleInstitutionId',
  'weight',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
] as const;

export function milestoneInputOf(values: FormValues): MilestoneFields {
  const weight = values.weight?.trim() ?? '';
  return {
    title: values.title ?? '',
    deliverable: values.deliverable ?? '',
    responsibleInstitutionId: values.responsibleInstitutionId ?? '',
    weight: weight === '' ? 1 : /^\d+$/.test(weight) ? Number(weight) : Number.NaN,
    plannedStart: orNull(values.plannedStart),
    plannedEnd: orNull(values.plannedEnd),
    actualStart: orNull(values.actualStart),
    actualEnd: orNull(values.actualEnd),
  };
}

export const milestoneValuesOf = (m: typeof milestones.$inferSelect): FormValues => ({
  title: m.title,
  deliverable: m.deliverable,
  responsibleInstitutionId: m.responsibleInstitutionId,
  weight: String(m.weight),
  plannedStart: m.plannedStart ?? '',
  plannedEnd: m.plannedEnd ?? '',
  actualStart: m.actualStart ?? '',
  actualEnd: m.actualEnd ?? '',
});

export const activityFormFields = [
  'title',
  'description',
  'responsibleInstitutionId',
  'responsiblePerson',
  'plannedStart',
  'plannedEnd',
] as const;

export const activityInputOf = (values: FormValues): ActivityFields => ({
  title: values.title ?? '',
  description: values.description ?? '',
  responsibleInstitutionId: values.responsibleInstitutionId ?? '',
  responsiblePerson: orNull(values.responsiblePerson),
  plannedStart: orNull(values.plannedStart),
  plannedEnd: orNull(values.plannedEnd),
});

export const activityValuesOf = (a: typeof activities.$inferSelect): FormValues => ({
  title: a.title,
  description: a.description,
  responsibleInstitutionId: a.responsibleInstitutionId,
  responsiblePerson: a.responsiblePerson ?? '',
  plannedStart: a.plannedStart ?? '',
  plannedEnd: a.plannedEnd ?? '',
});
