import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { commitmentIsPublic, planIsPublic } from '../core/visibility.js';

/*
 * The plan's open data: action plans, commitments, milestones, activities and evidence metadata of every exercise,
 * read in pages of EXPORT_PAGE_SIZE rows by keyset (never OFFSET, never the whole table in memory), so a plan of
 * 25,000 activities streams out with a constant memory footprint.
 *
 * No personal data: no contact people or their e-mails and phones (commitments' `contacts`), no responsible person
 * of an activity, no uploader or reviewer of evidence, no uploaded file's original name (it may carry a person's
 * name), and co-responsible partners only when they are directory institutions. Dates are ISO 8601 (YYYY-MM-DD),
 * instants ISO 8601 in UTC, municipalities by their INEGI code (cvegeo).
 *
 * Only what is public (visibility.ts): no draft plan, no draft commitment nor one in co-creation, and none of their
 * milestones, activities or evidence; a plan's commitment count counts its public commitments.
 */

export const EXPORT_PAGE_SIZE = 1000;

type Row = Record<string, unknown>;

const day = (column: SQL) => sql`to_char(${column}, 'YYYY-MM-DD')`;
const instant = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

async function rowsOf(db: Db, query: SQL): Promise<Row[]> {
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}

/** Reads a query page after page: `page(after)` gets the previous page's last row (undefined for the first page). */
async function* keyset(db: Db, page: (after: Row | undefined) => SQL): AsyncGenerator<Row[]> {
  let after: Row | undefined;
  for (;;) {
    const rows = await rowsOf(db, sql`${page(after)} limit ${EXPORT_PAGE_SIZE}`);
    if (rows.length > 0) yield rows;
    if (rows.length < EXPORT_PAGE_SIZE) return;
    after = rows[rows.length - 1];
  }
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/** The rows of `p` (action_plans) and `c` (commitments) the public may see. */
const publicPlan = planIsPublic(sql`p.status`);
const publicCommitment = commitmentIsPublic(sql`c.status`, sql`p.status`);
/** The keyset condition after the previous page, if any, joined to the visibility condition. */
const where = (visible: SQL, after: SQL | undefined) =>
  after ? sql`where ${visible} and ${after}` : sql`where ${visible}`;

export async function* exportActionPlans(db: Db): AsyncGenerator<Row[]> {
  yield* keyset(
    db,
    (after) => sql`
      select e.slug as ejercicio, p.id::text as id, p.title as titulo, ${day(sql`p.period_start`)} as inicio, ${day(sql`p.period_end`)} as fin,
        p.strategic_vision as vision, p.status as estado, p.progress as avance,
        (select count(*)::int from commitments c where c.plan_id = p.id and ${publicCommitment}) as compromisos,
        ${instant(sql`p.created_at`)} as creado, ${instant(sql`p.updated_at`)} as actualizado
      from action_plans p join exercises e on e.id = p.exercise_id
      ${where(publicPlan, after && sql`e.slug > ${after.ejercicio}`)}
      order by e.slug`,
  );
}

export async function* exportCommitments(db: Db, now: Date = new Date()): AsyncGenerator<Row[]> {
  yield* keyset(
    db,
    (after) => sql`
      select e.slug as ejercicio, c.id::text as id, c.number as numero, c.title as titulo, c.theme as tema,
        c.public_problem as problema_publico, c.baseline as linea_base, c.causes as causas, c.description as descripcion,
        c.objective as objetivo, c.how_it_solves as como_contribuye, c.ogp_values as valores_gobierno_abierto,
        c.indicator as indicador, c.goal as meta, c.assumptions as supuestos, c.alignment_state_plan as alineacion_plan_estatal,
        c.alignment_sdgs as alineacion_ods, c.alignment_gender as alineacion_genero, c.smart as criterios_smart,
        i.name as institucion_responsable, i.acronym as institucion_responsable_siglas,
        (select string_agg(cm.cvegeo, ';' order by cm.cvegeo) from commitment_municipalities cm where cm.commitment_id = c.id) as municipios_cvegeo,
        (select string_agg(pi.name, '; ' order by cp.position, pi.name) from commitment_partners cp join institutions pi on pi.id = cp.institution_id
          where cp.commitment_id = c.id and cp.role = 'co_responsible') as corresponsables,
        ${day(sql`c.starts_on`)} as inicio, ${day(sql`c.ends_on`)} as fin, c.status as estado, c.status_note as nota_estado,
        c.progress as avance, ${day(sql`c.open_due_on`)} as vence_pendiente, coalesce(c.open_due_on < ${today(now)}::date, false) as retrasado,
        ${instant(sql`c.created_at`)} as creado, ${instant(sql`c.updated_at`)} as actualizado
      from commitments c join action_plans p on p.id = c.plan_id join exercises e on e.id = p.exercise_id join institutions i on i.id = c.lead_institution_id
      ${where(publicCommitment, after && sql`(e.slug, c.number) > (${after.ejercicio}, ${after.numero}::int)`)}
      order by e.slug, c.number`,
  );
}

export async function* exportMilestones(db: Db, now: Date = new Date()): AsyncGenerator<Row[]> {
  yield* keyset(
    db,
    (after) => sql`
      select e.slug as ejercicio, c.number as compromiso_numero, c.id::text as compromiso_id, m.id::text as id, m.position as posicion,
        m.title as titulo, m.deliverable as entregable, i.name as institucion_responsable,
        ${day(sql`m.planned_start`)} as inicio_planeado, ${day(sql`m.planned_end`)} as fin_planeado,
        ${day(sql`m.actual_start`)} as inicio_real, ${day(sql`m.actual_end`)} as fin_real, m.weight as peso,
        m.cancelled_at is not null as cancelado, m.cancellation_reason as motivo_cancelacion, m.progress as avance,
        ${day(sql`m.open_due_on`)} as vence_pendiente, coalesce(m.open_due_on < ${today(now)}::date, false) as retrasado,
        ${instant(sql`m.created_at`)} as creado, ${instant(sql`m.updated_at`)} as actualizado
      from milestones m join commitments c on c.id = m.commitment_id join action_plans p on p.id = c.plan_id
      join exercises e on e.id = p.exercise_id join institutions i on i.id = m.responsible_institution_id
      ${where(publicCommitment, after && sql`(e.slug, c.number, m.position, m.id) > (${after.ejercicio}, ${after.compromiso_numero}::int, ${after.posicion}::int, ${after.id}::uuid)`)}
      order by e.slug, c.number, m.position, m.id`,
  );
}

export async function* exportActivities(db: Db, now: Date = new Date()): AsyncGenerator<Row[]> {
  yield* keyset(
    db,
    (after) => sql`
      select e.slug as ejercicio, c.number as compromiso_numero, m.id::text as hito_id, m.position as hito_posicion, a.id::text as id,
        a.position as posicion, a.title as titulo, a.description as descripcion, i.name as institucion_responsable,
        ${day(sql`a.planned_start`)} as inicio_planeado, ${day(sql`a.planned_end`)} as fin_planeado,
        ${day(sql`a.actual_start`)} as inicio_real, ${day(sql`a.actual_end`)} as fin_real, a.status as estado,
        a.closing_note as nota_cierre, a.cancellation_reason as motivo_cancelacion, ${instant(sql`a.verified_at`)} as verificada,
        (a.status in ('not_started', 'in_progress') and coalesce(a.planned_end < ${today(now)}::date, false)) as retrasada,
        ${instant(sql`a.created_at`)} as creado, ${instant(sql`a.updated_at`)} as actualizado
      from activities a join milestones m on m.id = a.milestone_id join commitments c on c.id = m.commitment_id
      join action_plans p on p.id = c.plan_id join exercises e on e.id = p.exercise_id join institutions i on i.id = a.responsible_institution_id
      ${where(
        publicCommitment,
        after &&
          sql`(e.slug, c.number, m.position, m.id, a.position, a.id) > (${after.ejercicio}, ${after.compromiso_numero}::int, ${after.hito_posicion}::int, ${after.hito_id}::uuid, ${after.posicion}::int, ${after.id}::uuid)`,
      )}
      order by e.slug, c.number, m.position, m.id, a.position, a.id`,
  );
}

export async function* exportEvidence(db: Db): AsyncGenerator<Row[]> {
  yield* keyset(
    db,
    (after) => sql`
      select e.slug as ejercicio, c.number as compromiso_numero, a.id::text as actividad_id, ev.id::text as id,
        case when ev.url is not null then 'enlace' else 'archivo' end as tipo, ev.url as enlace,
        f.mime_type as tipo_archivo, f.size as tamano_bytes, f.sha256 as sha256, ev.description as descripcion,
        ev.status as estado, ev.rejection_reason as motivo_rechazo, ${instant(sql`ev.reviewed_at`)} as revisada,
        ${instant(sql`ev.created_at`)} as creado
      from evidence ev join activities a on a.id = ev.activity_id join milestones m on m.id = a.milestone_id
      join commitments c on c.id = m.commitment_id join action_plans p on p.id = c.plan_id join exercises e on e.id = p.exercise_id
      left join stored_files f on f.id = ev.file_id
      ${where(publicCommitment, after && sql`(e.slug, c.number, a.id, ev.id) > (${after.ejercicio}, ${after.compromiso_numero}::int, ${after.actividad_id}::uuid, ${after.id}::uuid)`)}
      order by e.slug, c.number, a.id, ev.id`,
  );
}

/** Every row of a paged export, for callers that want them all at once (small tables, tests). */
export async function collect(pages: AsyncIterable<Row[]>): Promise<Row[]> {
  const all: Row[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}
