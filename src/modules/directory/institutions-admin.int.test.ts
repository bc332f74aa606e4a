import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import { signInAs } from '../../testing/sign-in.js';
import { changeLog } from '../audit/schema.js';
import { institutions } from './schema.js';

describe('managing institutions', () => {
  it('an admin adds an institution, corrects it, and both changes are in the public change log by role', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, {
      roles: [{ role: 'admin' }],
      name: 'Ana Admin',
      email: 'ana.admin@example.mx',
    });
    const post = (url: string, fields: Record<string, string>) =>
      app.inject({ method: 'POST', url, cookies: admin.cookies, payload: { _csrf: admin.csrf, ...fields } });

    const invalid = await post('/admin/instituciones', {
      name: '',
      kind: '',
      website: 'durango.gob.mx',
      contactEmail: 'no',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Escribe el nombre oficial de la institución.');
    expect(invalid.body).toContain('Elige el tipo de institución.');
    expect(invalid.body).toContain('que empiece con https://');
    expect(invalid.body).toContain('value="durango.gob.mx"');
    // Shown as a link on public pages: an address that would run code there is refused.
    for (const website of ['javascript:alert(1)', 'javascript://example.mx/%0aalert(1)', 'data:text/html,hola']) {
      const refused = await post('/admin/instituciones', { name: 'Institución', kind: 'civil_society_org', website });
      expect(refused.statusCode, website).toBe(400);
      expect(refused.body).toContain('que empiece con https://');
    }

    const created = await post('/admin/instituciones', {
      name: 'Red Ciudadana Lagunera',
      acronym: 'RCL',
      kind: 'civil_society_org',
      municipalityCvegeo: '10007',
      website: 'https://red.example.mx',
      contactEmail: '',
    });
    expect(created.statusCode).toBe(303);
    const [institution] = await database.db
      .select()
      .from(institutions)
      .where(eq(institutions.name, 'Red Ciudadana Lagunera'));
    expect(institution).toMatchObject({
      acronym: 'RCL',
      isGovernment: false,
      municipalityCvegeo: '10007',
      contactEmail: null,
    });

    const edited = await post(`/admin/instituciones/${institution!.id}`, {
      name: 'Red Ciudadana Lagunera A.C.',
      acronym: '',
      kind: 'civil_society_org',
      municipalityCvegeo: '10007',
      website: '',
      contactEmail: 'hola@red.example.mx',
    });
    expect(edited.statusCode).toBe(303);
    const [after] = await database.db.select().from(institutions).where(eq(institutions.id, institution!.id));
    expect(after).toMatchObject({
      name: 'Red Ciudadana Lagunera A.C.',
      acronym: null,
      website: null,
      contactEmail: 'hola@red.example.mx',
    });

    const entries = await database.db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.recordType, 'institution'), eq(changeLog.recordId, institution!.id)));
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries.every((e) => e.actorLabel === 'Administración del portal' && e.actorId === admin.user.id)).toBe(
      true,
    );
    expect(JSON.stringify(entries)).not.toContain('ana.admin@example.mx');
    expect((entries[1]!.before as { acronym: string }).acronym).toBe('RCL');

    const list = await app.inject({ url: '/admin/instituciones?aviso=saved', cookies: admin.cookies });
    expect(list.body).toContain('Guardamos la institución.');
    expect(list.body).toContain('Red Ciudadana Lagunera A.C.');
    expect((await app.inject({ url: '/admin/instituciones/no-es-un-id', cookies: admin.cookies })).statusCode).toBe(
      404,
    );
  });
});
