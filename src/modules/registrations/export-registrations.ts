import type { Db } from '../../db/client.js';
import { toCsv } from '../../shared/csv.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { listAllRegistrations, type RegistrationFilters } from './list-registrations.js';

const columns = [
  'folio',
  'estado',
  'nombre',
  'correo',
  'telefono',
  'municipio_cvegeo',
  'municipio',
  'sector',
  'organizacion',
  'temas',
  'motivacion',
  'fecha_inscripcion',
  'fecha_confirmacion',
  'motivo_rechazo',
] as const;

/**
 * The registrations of a call as CSV for admins. Personal data leave the portal here, so every export is recorded
 * in the public change log (who, when, how many rows, which filters; never the data themselves).
 */
export async function exportRegistrations(
  db: Db,
  callId: string,
  filters: RegistrationFilters,
  actor: ActingParty,
  now: Date,
): Promise<{ csv: string; count: number }> {
  assertHoldsRole(actor, 'admin');
  const changeActor = changeActorOf(actor);
  return db.transaction(async (tx) => {
    const rows = await listAllRegistrations(tx, callId, filters);
    const csv = toCsv(
      columns,
      rows.map(({ registration: r, municipalityName }) => ({
        folio: r.reference,
        estado: r.status,
        nombre: r.fullName,
        correo: r.email,
        telefono: r.phone,
        municipio_cvegeo: r.municipalityCvegeo,
        municipio: municipalityName,
        sector: r.sector,
        organizacion: r.organization,
        temas: r.themes.join('; '),
        motivacion: r.motivation,
        fecha_inscripcion: r.createdAt,
        fecha_confirmacion: r.confirmedAt,
        motivo_rechazo: r.rejectionReason,
      })),
    );
    const { page: _page, ...usedFilters } = filters;
    await appendChange(tx, {
      actor: changeActor,
      recordType: 'registrations_export',
      recordId: callId,
      action: 'create',
      after: { rows: rows.length, filters: usedFilters },
      occurredAt: now,
    });
    return { csv, count: rows.length };
  });
}
