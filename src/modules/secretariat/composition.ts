import type { InstitutionKind } from '../directory/schema.js';
import type { SeatKind } from './schema.js';

/** A seat as the composition rules see it. */
export interface SeatShape {
  kind: SeatKind;
  institutionId: string | null;
}

/** Institutions that may hold an authority seat: a participating state or municipal authority. */
export const authorityInstitutionKinds: readonly InstitutionKind[] = [
  'state_executive',
  'state_legislative',
  'state_judicial',
  'municipal_government',
  'autonomous_body',
];

export type CompositionProblem =
  | 'secondGuarantor'
  | 'secondFacilitator'
  | 'authorityTwice'
  | 'institutionRequired'
  | 'notAnAuthority'
  | 'notAGuarantor';

/**
 * Whether a new seat may join the existing ones: exactly one guarantor seat (a second is refused), one facilitator,
 * one seat per authority institution, and as many civil-society seats as wanted. Returns the problem, if any.
 */
export function seatProblem(
  existing: readonly SeatShape[],
  seat: SeatShape,
  institutionKind?: InstitutionKind | undefined,
): CompositionProblem | undefined {
  if (seat.kind === 'guarantor') {
    if (existing.some((s) => s.kind === 'guarantor')) return 'secondGuarantor';
    if (!seat.institutionId) return 'institutionRequired';
    if (institutionKind !== 'guarantor') return 'notAGuarantor';
  }
  if (seat.kind === 'facilitator' && existing.some((s) => s.kind === 'facilitator')) return 'secondFacilitator';
  if (seat.kind === 'authority') {
    if (!seat.institutionId) return 'institutionRequired';
    if (!institutionKind || !authorityInstitutionKinds.includes(institutionKind)) return 'notAnAuthority';
    if (existing.some((s) => s.kind === 'authority' && s.institutionId === seat.institutionId)) return 'authorityTwice';
  }
  return undefined;
}

/** A seat votes unless it is the facilitator's (voice, no vote). */
export const isVotingSeat = (seat: { kind: SeatKind }) => seat.kind !== 'facilitator';

/** What a composition still lacks to be complete: its guarantor seat and its facilitator. */
export function missingSeats(seats: readonly SeatShape[]): ('guarantor' | 'facilitator' | 'civil_society')[] {
  const missing: ('guarantor' | 'facilitator' | 'civil_society')[] = [];
  if (!seats.some((s) => s.kind === 'guarantor')) missing.push('guarantor');
  if (!seats.some((s) => s.kind === 'facilitator')) missing.push('facilitator');
  if (!seats.some((s) => s.kind === 'civil_society')) missing.push('civil_society');
  return missing;
}
