import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../kernel/actor.js';
import type { StaffRole } from '../../accounts/schema.js';
import { canManagePlan, canReportActivity, canVerifyActivity } from './policy.js';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const actor = (...roles: { role: StaffRole; institutionId?: string }[]): Actor => ({
  userId: 'u',
  name: 'Persona',
  email: 'p@example.mx',
  locale: 'es-MX',
  isEmailConfirmed: true,
  roles: roles.map((r) => ({ role: r.role, institutionId: r.institutionId ?? null })),
});
const activity = { responsibleInstitutionId: OWN };

describe('plan policy, per role', () => {
  it('lets only admins manage the plan', () => {
    expect(canManagePlan(actor({ role: 'admin' }))).toBe(true);
    for (const role of ['facilitator', 'secretariat_member', 'liaison', 'evaluator'] as const)
      expect(canManagePlan(actor({ role }))).toBe(false);
    expect(canManagePlan(actor())).toBe(false);
    expect(canManagePlan(undefined)).toBe(false);
  });

  it("lets a liaison report only its own institution's activities", () => {
    expect(canReportActivity(actor({ role: 'liaison', institutionId: OWN }), activity)).toBe(true);
    expect(canReportActivity(actor({ role: 'liaison', institutionId: OTHER }), activity)).toBe(false);
    expect(canReportActivity(actor({ role: 'admin' }), activity)).toBe(true);
    for (const role of ['facilitator', 'secretariat_member', 'evaluator'] as const)
      expect(canReportActivity(actor({ role }), activity)).toBe(false);
    expect(canReportActivity(actor(), activity)).toBe(false);
    expect(canReportActivity(undefined, activity)).toBe(false);
  });

  it('lets verify only someone outside the responsible institution with a verifying role', () => {
    for (const role of ['admin', 'facilitator', 'secretariat_member', 'evaluator'] as const)
      expect(canVerifyActivity(actor({ role }), activity)).toBe(true);
    expect(canVerifyActivity(actor({ role: 'liaison', institutionId: OWN }), activity)).toBe(false);
    expect(canVerifyActivity(actor({ role: 'liaison', institutionId: OTHER }), activity)).toBe(false);
    expect(
      canVerifyActivity(actor({ role: 'secretariat_member' }, { role: 'liaison', institutionId: OWN }), activity),
    ).toBe(false);
    expect(
      canVerifyActivity(actor({ role: 'secretariat_member' }, { role: 'liaison', institutionId: OTHER }), activity),
    ).toBe(true);
    expect(canVerifyActivity(actor(), activity)).toBe(false);
    expect(canVerifyActivity(undefined, activity)).toBe(false);
  });
});
