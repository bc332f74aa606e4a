import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { institutions } from '../directory/schema.js';
import { emails } from '../notifications/schema.js';
import { activities, commitments } from '../plan/schema.js';
import { notifyFollowers } from './notify-followers.js';
import { registry } from '../../registry.js';

const options = {
  baseUrl: 'https://portal.example.mx',
  siteName: 'Cocrea Durango',
  timeZone: 'America/Monterrey',
  records: registry.records,
};
const COMMITMENT = 'Señalización vial y educación vial en la cabecera de Tepehuanes';

describe('commitments as participation targets', () => {
  it('a follower of a commitment is e-mailed when a liaison reports progress on one of its activities; the lead institution answers officially', async () => {
    const { app, database } = await createTestApp();
    const db = database.db;
    const [commitment] = await db.select().from(commitments).where(eq(commitments.title, COMMITMENT));
    const [tepehuanes] = await db
      .select()
      .from(institutions)
      .where(eq(institutions.name, 'Ayuntamiento de Tepehuanes'));
    const [activity] = await db
      .select()
      .from(activities)
      .where(eq(activities.title, 'Talleres en seis escuelas primarias'));
    const page = `/ejercicios/tercer-pal-2020-2021/plan/compromisos/${commitment!.number}`;

    const anonymous = await app.inject({ url: page });
    expect(anonymous.body).toContain('Entra para seguirlo');
    expect(anonymous.body).toContain('id="comentarios"');

    const resident = await signInAs(database, { name: 'Marta Ibarra', email: 'marta.ibarra@example.mx' });
    const followed = await app.inject({
      method: 'POST',
      url: `/participacion/commitment/${commitment!.id}/seguir`,
      cookies: resident.cookies,
      payload: { _csrf: resident.csrf },
    });
    expect(followed.statusCode).toBe(303);
    expect(followed.headers.location).toContain(page);
    const asked = await app.inject({
      method: 'POST',
      url: `/participacion/commitment/${commitment!.id}/comentarios`,
      cookies: resident.cookies,
      payload: { _csrf: resident.csrf, body: '¿En qué escuelas serán los talleres?' },
    });
    expect(asked.statusCode).toBe(303);

    // The lead institution's liaison answers officially; another institution's liaison may not.
    const liaison = await signInAs(database, { roles: [{ role: 'liaison', institutionId: tepehuanes!.id }] });
    const answered = await app.inject({
      method: 'POST',
      url: `/participacion/commitment/${commitment!.id}/comentarios`,
      cookies: liaison.cookies,
      payload: { _csrf: liaison.csrf, body: 'En las seis primarias de la cabecera municipal.', as: tepehuanes!.id },
    });
    expect(answered.statusCode).toBe(303);
    const shown = await app.inject({ url: page });
    expect(shown.body).toContain('¿En qué escuelas serán los talleres?');
    expect(shown.body).toContain('En las seis primarias de la cabecera municipal.');
    expect(shown.body).toContain('Ayuntamiento de Tepehuanes');

    // Only changes after the follow count; the liaison now starts an activity of the commitment.
    await notifyFollowers(db, options);
    await db.delete(emails).where(eq(emails.toAddress, 'marta.ibarra@example.mx'));
    const started = await app.inject({
      method: 'POST',
      url: `/actividades/${activity!.id}/iniciar`,
      cookies: liaison.cookies,
      payload: { _csrf: liaison.csrf },
    });
    expect(started.statusCode).toBe(303);
    const run = await notifyFollowers(db, options);
    expect(run.emails).toBe(1);
    const [mail] = await db.select().from(emails).where(eq(emails.toAddress, 'marta.ibarra@example.mx'));
    expect(mail!.text).toContain(COMMITMENT);
    expect(mail!.text).toContain(`https://portal.example.mx${page}`);
    expect(mail!.text).toContain('Enlace institucional');
  });
});
