import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import { createTestUser } from '../../testing/sign-in.js';
import { emails } from '../notifications/schema.js';

describe('choosing a password', () => {
  it('asks for at least 12 characters and refuses common or breached passwords, in both languages', async () => {
    const { app, database } = await createTestApp();
    await createTestUser(database, { email: 'clave@example.mx' });
    const page = await app.inject({ url: '/recuperar' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookies = { csrf: page.cookies.find((c) => c.name === 'csrf')!.value };
    await app.inject({
      method: 'POST',
      url: '/recuperar',
      cookies,
      payload: { email: 'clave@example.mx', _csrf: csrf },
    });
    const [mail] = await database.db
      .select()
      .from(emails)
      .where(eq(emails.toAddress, 'clave@example.mx'))
      .orderBy(desc(emails.createdAt))
      .limit(1);
    const link = new URL(/https?:\/\/\S+\/recuperar\/[A-Za-z0-9_-]+/.exec(mail!.text)![0]).pathname;
    const choose = (password: string, lang = 'es') =>
      app.inject({ method: 'POST', url: `${link}?lang=${lang}`, cookies, payload: { password, _csrf: csrf } });

    const short = await choose('once letras');
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('al menos 12 caracteres');
    for (const common of ['password1234', 'Contraseña2024!', '123456789012', 'qwertyuiop123']) {
      const refused = await choose(common);
      expect(refused.statusCode, common).toBe(400);
      expect(refused.body, common).toContain('Esa contraseña es muy común o apareció en filtraciones');
    }
    expect((await choose('password1234', 'en')).body).toContain(
      'That password is too common or has appeared in data breaches',
    );
    expect((await choose('nopal azul en la azotea')).statusCode).toBe(303);
  });
});
