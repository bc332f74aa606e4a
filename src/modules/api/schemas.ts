import { z } from 'zod';

/*
 * The shapes of the public API: the same zod schemas validate each route's parameters, serialize its responses and,
 * through @fastify/swagger, become the OpenAPI 3.1 document at /api/v1/openapi.json (routes.ts). Changing a field here
 * changes all three at once.
 *
 * No personal data: no contact people, e-mail addresses or phones of people, no responsible person of an activity, no
 * uploader or reviewer of evidence, no uploaded file's original name, partners only when they are directory
 * institutions (the same rule as the open data, plan/data/export-plan-data.ts).
 */

const day = () => z.iso.date().describe('ISO 8601 date (YYYY-MM-DD)');
const instant = () => z.iso.datetime({ offset: true }).describe('ISO 8601 instant in UTC');
const uuid = () => z.uuid();

// ---- parameters ----------------------------------------------------------------------------------------------------

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 100;

export const langParameter = z
  .enum(['es-MX', 'en'])
  .optional()
  .describe('Language of error messages (es-MX by default; Accept-Language works too).');

export const collectionQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .describe(`Rows per page, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`),
  cursor: z
    .string()
    .max(300)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .describe('Opaque position returned in links.next by the previous page; omit it for the first page.'),
  lang: langParameter,
});

export const commitmentsQuery = collectionQuery.extend({
  plan: uuid().optional().describe('Only the commitments of this action plan.'),
});
export const activitiesQuery = collectionQuery.extend({
  commitment: uuid().optional().describe('Only the activities of this commitment.'),
});

export const uuidParams = z.object({ id: uuid().describe('The record id (a UUID).') });
export const cvegeoParams = z.object({
  cvegeo: z
    .string()
    .regex(/^\d{5}$/)
    .describe('INEGI code of the municipality (five digits).'),
});
export const seqParams = z.object({
  seq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('Position of the entry in the change log.'),
});
export const langQuery = z.object({ lang: langParameter });

// ---- resources -----------------------------------------------------------------------------------------------------

const institutionRef = z.object({ id: uuid(), name: z.string(), acronym: z.string().nullable() });

export const exerciseSchema = z
  .object({
    id: uuid(),
    slug: z.string(),
    edition: z.number().int(),
    title: z.string(),
    summary: z.string(),
    stateCode: z.string().describe('INEGI state code'),
    periodStart: day(),
    periodEnd: day(),
    phase: z.string(),
    isDemo: z.boolean().describe('A demonstration exercise, not a real one.'),
    convener: institutionRef,
    phases: z.array(z.object({ phase: z.string(), startsOn: day(), endsOn: day().nullable() })),
    createdAt: instant(),
    updatedAt: instant(),
  })
  .meta({ id: 'Exercise' });

export const callSchema = z
  .object({
    id: uuid(),
    exerciseId: uuid(),
    exerciseSlug: z.string(),
    title: z.string(),
    summary: z.string(),
    considerations: z.array(z.string()),
    generalObjective: z.string(),
    specificObjectives: z.array(z.string()),
    requirements: z.array(z.string()),
    themes: z.array(z.string()),
    eligibleStateCode: z.string(),
    opensAt: instant(),
    closesAt: instant(),
    status: z.enum(['published', 'closed', 'cancelled']),
    contactEmail: z.string().describe("The call's institutional contact address, as its public page shows it."),
    resultsText: z.string().nullable(),
    createdAt: instant(),
    updatedAt: instant(),
  })
  .meta({ id: 'Call' });

export const sessionSchema = z
  .object({
    id: uuid(),
    exerciseId: uuid(),
    exerciseSlug: z.string(),
    kind: z.string(),
    number: z.number().int(),
    startsAt: instant(),
    durationMinutes: z.number().int(),
    place: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    status: z.string(),
    convenedAt: instant().nullable(),
    quorumReached: z.boolean().nullable(),
    minutesText: z.string().nullable(),
    minutesUrl: z
      .string()
      .nullable()
      .describe('The signed minutes: a link, or the download address of the uploaded file.'),
    minutesApprovedAt: instant().nullable(),
    recordingUrl: z.string().nullable(),
    cancellationReason: z.string().nullable(),
    createdAt: instant(),
    updatedAt: instant(),
  })
  .meta({ id: 'SecretariatSession' });

export const agreementSchema = z
  .object({
    id: uuid(),
    sessionId: uuid(),
    exerciseSlug: z.string(),
    number: z.number().int(),
    code: z.string().describe('Stable public code, e.g. STL-2020-ORD-03-02'),
    text: z.string(),
    decisionMethod: z.string(),
    outcome: z.string(),
    votesFor: z.number().int(),
    votesAgainst: z.number().int(),
    votesAbstain: z.number().int(),
    responsible: z.string(),
    dueOn: day().nullable(),
    status: z.string(),
    createdAt: instant(),
    updatedAt: instant(),
  })
  .meta({ id: 'Agreement' });

export const planSchema = z
  .object({
    id: uuid(),
    exerciseId: uuid(),
    exerciseSlug: z.string(),
    title: z.string(),
    periodStart: day(),
    periodEnd: day(),
    strategicVision: z.string(),
    status: z.string(),
    approvalAgreementId: uuid().nullable(),
    progress: z.number().describe('Derived: mean progress of its non-cancelled commitments, 0-100.'),
    commitmentCount: z.number().int().describe('Public commitments.'),
    createdAt: instant(),
    updatedAt: instant(),
  })
  .meta({ id: 'ActionPlan' });

const justified = z.object({
  met: z.boolean().optional(),
  relevant: z.boolean().optional(),
  justification: z.string().optional(),
});

export const milestoneSchema = z
  .object({
    id: uuid(),
    position: z.number().int(),
    title: z.string(),
    deliverable: z.string(),
    responsibleInstitution: institutionRef,
    plannedStart: day().nullable(),
    plannedEnd: day().nullable(),
    actualStart: day().nullable(),
    actualEnd: day().nullable(),
    weight: z.number().int().describe("Relative weight in the commitment's progress."),
    isCancelled: z.boolean(),
    cancellationReason: z.string().nullable(),
    progress: z.number().describe('Derived: mean of its non-cancelled activities, 0-100.'),
  })
  .meta({ id: 'Milestone' });

export const commitmentSchema = z
  .object({
    id: uuid(),
    planId: uuid(),
    exerciseSlug: z.string(),
    number: z.number().int(),
    title: z.string(),
    theme: z.string().nullable(),
    publicProblem: z.string(),
    baseline: z.string(),
    causes: z.string(),
    description: z.string(),
    objective: z.string(),
    howItSolves: z.string(),
    ogpValues: z
      .record(z.string(), justified)
      .describe('Open-government values (OGP template), each with its justification.'),
    indicator: z.string(),
    goal: z.string(),
    assumptions: z.string(),
    alignmentStatePlan: z.string(),
    alignmentSdgs: z.array(z.number().int()).describe('Sustainable Development Goals, by number.'),
    alignmentGender: z.string(),
    smart: z.record(z.string(), justified).describe('SMART criteria of the call, each ticked and justified.'),
    leadInstitution: institutionRef,
    coResponsible: z.array(institutionRef).describe('Co-responsible organisations that are directory institutions.'),
    otherActors: z.array(institutionRef),
    municipalities: z.array(z.string()).describe('INEGI codes (cvegeo) of the municipalities it covers.'),
    startsOn: day().nullable(),
    endsOn: day().nullable(),
    status: z.string(),
    statusNote: z.string().nullable(),
    approvalAgreementId: uuid().nullable(),
    modificationAgreementId: uuid().nullable(),
    originProblemId: uuid().nullable(),
    originProposalId: uuid().nullable(),
    progress: z.number().describe('Derived: weighted mean of its non-cancelled milestones, 0-100.'),
    openDueOn: day().nullable().describe('Earliest planned end among its unfinished milestones and activities.'),
    isDelayed: z.boolean(),
    milestones: z.array(milestoneSchema),
    createdAt: instant(),
    updatedAt: instant(),
  })
  .meta({ id: 'Commitment' });

export const evidenceSchema = z
  .object({
    id: uuid(),
    kind: z.enum(['link', 'file']),
    url: z.string().describe('The link, or the download address of the uploaded file.'),
    mimeType: z.string().nullable(),
    size: z.number().int().nullable(),
    sha256: z.string().nullable(),
    description: z.string(),
    status: z.string(),
    rejectionReason: z.string().nullable(),
    reviewedAt: instant().nullable(),
    createdAt: instant(),
  })
  .meta({ id: 'Evidence' });

export const activitySchema = z
  .object({
    id: uuid(),
    milestoneId: uuid(),
    commitmentId: uuid(),
    exerciseSlug: z.string(),
    position: z.number().int(),
    title: z.string(),
    description: z.string(),
    responsibleInstitution: institutionRef,
    plannedStart: day().nullable(),
    plannedEnd: day().nullable(),
    actualStart: day().nullable(),
    actualEnd: day().nullable(),
    status: z.string(),
    closingNote: z.string().nullable(),
    cancellationReason: z.string().nullable(),
    verifiedAt: instant().nullable(),
    evidence: z.array(evidenceSchema),
    createdAt: instant(),
    updatedAt: instant(),
  })
  .meta({ id: 'Activity' });

export const institutionSchema = z
  .object({
    id: uuid(),
    name: z.string(),
    acronym: z.string().nullable(),
    kind: z.string(),
    isGovernment: z.boolean(),
    municipalityCvegeo: z.string().nullable(),
    website: z.string().nullable(),
  })
  .meta({ id: 'Institution' });

export const municipalitySchema = z
  .object({ cvegeo: z.string(), stateCode: z.string(), name: z.string(), population: z.number().int() })
  .meta({ id: 'Municipality' });

export const changeSchema = z
  .object({
    seq: z.number().int(),
    occurredAt: instant(),
    actorId: uuid().nullable(),
    actorLabel: z.string().describe('Public label of who acted: a role, never a name.'),
    recordType: z.string(),
    recordId: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'Change' });

export const problemSchema = z
  .object({
    type: z.string().describe('URI of the kind of problem (explained on /api).'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
  })
  .meta({ id: 'Problem' });

/** A page of a collection: its rows and the address of the next page (null on the last). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), links: z.object({ self: z.string(), next: z.string().nullable() }) });

export type Exercise = z.output<typeof exerciseSchema>;
export type Call = z.output<typeof callSchema>;
export type Session = z.output<typeof sessionSchema>;
export type Agreement = z.output<typeof agreementSchema>;
export type Plan = z.output<typeof planSchema>;
export type Commitment = z.output<typeof commitmentSchema>;
export type Milestone = z.output<typeof milestoneSchema>;
export type Activity = z.output<typeof activitySchema>;
export type Evidence = z.output<typeof evidenceSchema>;
export type Institution = z.output<typeof institutionSchema>;
export type Municipality = z.output<typeof municipalitySchema>;
export type Change = z.output<typeof changeSchema>;
