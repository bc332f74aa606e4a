import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { refreshActivityStats } from '../modules/plan/core/activity-stats.js';

export interface SyntheticPlanSize {
  commitments: number;
  milestonesPerCommitment: number;
  activitiesPerMilestone: number;
}

/** The size of the bench's large plan: 500 commitments, 5,000 milestones, 25,000 activities. */
export const LARGE_PLAN: SyntheticPlanSize = {
  commitments: 500,
  milestonesPerCommitment: 10,
  activitiesPerMilestone: 5,
};

/**
 * Inserts an exercise with a synthetic Local Action Plan of the given size, for the bench and for tests that need
 * many rows. One multi-row INSERT ... SELECT per table (generate_series), so 25,000 activities take seconds, then
 * the derived figures (progress, open due dates) are computed in SQL with the public formula of progress.ts:
 * activity 0/50/100, milestone = mean of its non-cancelled activities, commitment = weighted mean of its
 * non-cancelled milestones (equal weights when all are 0), plan = mean of its non-cancelled commitments.
 * Needs the directory (municipalities and institutions) of the demo seed. Written directly, not through the use
 * cases: synthetic data does not belong in the public change log. Returns the plan's id.
 */
export async function seedSyntheticPlan(
  db: Db,
  options: { slug: string; title?: string; size: SyntheticPlanSize; today?: string },
): Promise<{ exerciseId: string; planId: string }> {
  const { slug, size } = options;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const one = async <T>(query: ReturnType<typeof sql>) =>
      ((await tx.execute(query)) as unknown as { rows: T[] }).rows[0]!;
    const exercise = await one<{ id: string }>(sql`
      insert into exercises (slug, edition, title, summary, state_code, period_start, period_end, phase, convener_institution_id, is_demo)
      select ${slug}, 99, ${options.title ?? 'Plan de Acción Local sintético'}, 'Ejercicio sintético para medir el portal con un plan grande.', '10',
             (${today}::date - 400), (${today}::date + 330), 'implementation', (select id from institutions order by name limit 1), true
      returning id`);
    const plan = await one<{ id: string }>(sql`
      insert into action_plans (exercise_id, title, period_start, period_end, strategic_vision, status)
      values (${exercise.id}, ${`Plan de Acción Local ${slug}`}, (${today}::date - 365), (${today}::date + 300),
              'Un gobierno que rinde cuentas, escucha y resuelve junto con la ciudadanía de Durango.', 'in_implementation')
      returning id`);

    await tx.execute(sql`
      with inst as (select id, row_number() over (order by name) - 1 as i, count(*) over () as n from institutions),
           themes(i, theme, word) as (values (0, 'Movilidad', 'Señalización vial'), (1, 'Transparencia', 'Información pública'),
             (2, 'Participación', 'Participación ciudadana'), (3, 'Medio ambiente', 'Gestión del agua'), (4, 'Salud', 'Atención médica rural'))
      insert into commitments (plan_id, number, title, theme, public_problem, baseline, causes, description, objective, how_it_solves,
        ogp_values, indicator, goal, assumptions, alignment_state_plan, alignment_sdgs, alignment_gender, smart, lead_institution_id, contacts,
        starts_on, ends_on, status)
      select ${plan.id}, g, concat(t.word, ' en el municipio, compromiso ', g), t.theme,
        concat('Problema público del compromiso ', g, ': la población no cuenta con ', lower(t.word), ' suficiente.'),
        concat('Línea base ', g, ': 12 % de cobertura en 2020.'), 'Falta de coordinación y de presupuesto etiquetado.',
        concat('Descripción del compromiso ', g, ' sobre ', lower(t.word), '.'), 'Mejorar el servicio y abrir sus datos.',
        'Publica la información y crea una mesa de seguimiento con la sociedad civil.',
        '{"access_to_information":{"relevant":true,"justification":"Publica datos abiertos."},"civic_participation":{"relevant":true,"justification":"Mesa de seguimiento."}}'::jsonb,
        'Porcentaje de cobertura', 'Llegar a 60 % de cobertura.', 'Se mantiene el presupuesto asignado.', 'Eje 1 del Plan Estatal de Desarrollo.',
        '[11, 16]'::jsonb, 'Incluye a mujeres de comunidades rurales.',
        '{"specific":{"met":true,"justification":"Tiene un entregable claro."}}'::jsonb,
        (select id from inst where inst.i = g % inst.n),
        jsonb_build_array(jsonb_build_object('name', concat('Persona Enlace ', g), 'email', concat('enlace', g, '@example.mx'), 'phone', '618 000 0000')),
        (${today}::date - 365), (${today}::date + 200 - (g % 400)),
        (array['in_implementation','in_implementation','approved','completed','cancelled'])[1 + g % 5]
      from generate_series(1, ${size.commitments}::int) as g join themes t on t.i = g % 5`);
    await tx.execute(sql`
      insert into commitment_municipalities (commitment_id, cvegeo)
      select c.id, m.cvegeo from commitments c
      join (select cvegeo, row_number() over (order by cvegeo) - 1 as i, count(*) over () as n from municipalities where state_code = '10') m on m.i = c.number % m.n
      where c.plan_id = ${plan.id}`);
    await tx.execute(sql`
      insert into milestones (commitment_id, position, title, deliverable, responsible_institution_id, planned_start, planned_end, weight, cancelled_at, cancellation_reason)
      select c.id, p, concat('Hito ', p, ' del compromiso ', c.number, ': ', (array['Diagnóstico','Señalización','Consulta pública','Publicación de datos','Evaluación'])[1 + p % 5]),
        concat('Informe público del hito ', p), c.lead_institution_id, c.starts_on + p * 20, c.starts_on + p * 20 + 60, 1 + p % 3,
        case when p % 17 = 0 then now() end, case when p % 17 = 0 then 'Se fusionó con otro hito.' end
      from commitments c cross join generate_series(1, ${size.milestonesPerCommitment}::int) as p
      where c.plan_id = ${plan.id}`);
    await tx.execute(sql`
      insert into activities (milestone_id, position, title, description, responsible_institution_id, responsible_person, planned_start, planned_end, status, actual_start, actual_end)
      select m.id, p, concat('Actividad ', p, ' del hito ', m.position, ' del compromiso ', c.number), 'Trabajo de campo y reunión con vecinos.',
        m.responsible_institution_id, concat('Persona Responsable ', c.number), m.planned_start + p * 5, m.planned_start + p * 10,
        s.status, case when s.status <> 'not_started' then m.planned_start + p * 5 end, case when s.status in ('done','verified') then m.planned_start + p * 10 end
      from milestones m join commitments c on c.id = m.commitment_id
      cross join generate_series(1, ${size.activitiesPerMilestone}::int) as p
      cross join lateral (select (array['not_started','in_progress','done','verified','cancelled','done','in_progress'])[1 + (c.number + m.position + p) % 7] as status) s
      where c.plan_id = ${plan.id}`);

    await tx.execute(sql`
      insert into evidence (activity_id, url, description, status, reviewed_at)
      select a.id, concat('https://example.mx/evidencias/', c.number, '/', m.position, '/', a.position), concat('Minuta firmada de la actividad ', a.position), 'accepted', now()
      from activities a join milestones m on m.id = a.milestone_id join commitments c on c.id = m.commitment_id
      where c.plan_id = ${plan.id} and a.status = 'verified'`);
    await refreshActivityStats(tx, { planId: plan.id });

    // Derived figures, bottom up, with the formula of progress.ts.
    await tx.execute(sql`
      update milestones m set progress = coalesce(x.progress, 0), open_due_on = x.open_due
      from (select m2.id,
              round(avg(case a.status when 'not_started' then 0 when 'in_progress' then 50 when 'cancelled' then null else 100 end)::numeric, 2)::float8 as progress,
              case when m2.cancelled_at is not null then null
                   else least(min(a.planned_end) filter (where a.status in ('not_started','in_progress')),
                              case when coalesce(avg(case a.status when 'not_started' then 0 when 'in_progress' then 50 when 'cancelled' then null else 100 end), 0) >= 100 then null else m2.planned_end end) end as open_due
            from milestones m2 join commitments c on c.id = m2.commitment_id left join activities a on a.milestone_id = m2.id
            where c.plan_id = ${plan.id} group by m2.id) x
      where m.id = x.id`);
    await tx.execute(sql`
      update commitments c set progress = coalesce(x.progress, 0),
        open_due_on = case when c.status in ('completed','partially_completed','cancelled','evaluated') then null
                           else least(x.open_due, case when coalesce(x.progress, 0) >= 100 then null else c.ends_on end) end
      from (select m.commitment_id as id,
              round(case when sum(m.weight) filter (where m.cancelled_at is null) > 0
                         then sum(m.weight * m.progress) filter (where m.cancelled_at is null) / sum(m.weight) filter (where m.cancelled_at is null)
                         else avg(m.progress) filter (where m.cancelled_at is null) end::numeric, 2)::float8 as progress,
              min(m.open_due_on) as open_due
            from milestones m join commitments c2 on c2.id = m.commitment_id where c2.plan_id = ${plan.id} group by m.commitment_id) x
      where c.id = x.id`);
    await tx.execute(sql`
      update action_plans set progress = coalesce((select round(avg(progress)::numeric, 2)::float8 from commitments where plan_id = ${plan.id} and status <> 'cancelled'), 0)
      where id = ${plan.id}`);
    return { exerciseId: exercise.id, planId: plan.id };
  });
}
