import { describe, expect, it, vi } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

// Counts argon2's work, to show where the expensive hashing happens and where it does not.
const argon = vi.hoisted(() => ({ hash: 0, verify: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...actual,
    hash: (...args: Parameters<typeof actual.hash>) => ((argon.hash += 1), actual.hash(...args)),
    verify: (...args: Parameters<typeof actual.verify>) => ((argon.verify += 1), actual.verify(...args)),
  };
});

async function postForm(
  app: FastifyInstance,
  from: string,
  url: string,
  fields: Record<string, string>,
): Promise<LightMyRequestResponse> {
  const page = await app.inject({ url: from });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const cookie = page.cookies.find((c) => c.name === 'csrf')!.value;
  const noticeId = /name="privacyNoticeId" value="([^"]+)"/.exec(page.body)?.[1];
  return app.inject({
    method: 'POST',
    url,
    cookies: { csrf: cookie },
    payload: { ...fields, _csrf: csrf, ...(noticeId ? { privacyNoticeId: noticeId } : {}) },
  });
}

/** The argon2 calls one request makes. */
async function work(request: () => Promise<LightMyRequestResponse>) {
  const before = { ...argon };
  const response = await request();
  return { status: response.statusCode, hash: argon.hash - before.hash, verify: argon.verify - before.verify };
}

describe('password hashing', () => {
  it('does the same work whether or not an address has an account, and none for input refused by the cheap checks', async () => {
    // The setup file loaded the portal before the mock: load it again, with the counting argon2.
    vi.resetModules();
    const { createTestApp } = await import('../../testing/test-app.js');
    const { createTestUser } = await import('../../testing/sign-in.js');
    const { app, database } = await createTestApp();
    await createTestUser(database, { email: 'existe@example.mx', password: 'una frase larga y segura' });
    await createTestUser(database, { email: 'sinclave@example.mx' });
    const signIn = (email: string, password: string) =>
      work(() => postForm(app, '/entrar', '/entrar', { email, password, next: '/cuenta' }));

    // A dummy hash is checked when there is no account or no password: the same work as a wrong password.
    expect(await signIn('existe@example.mx', 'no es la frase')).toEqual({ status: 400, hash: 0, verify: 1 });
    expect(await signIn('nadie@example.mx', 'no es la frase')).toEqual({ status: 400, hash: 0, verify: 1 });
    expect(await signIn('sinclave@example.mx', 'no es la frase')).toEqual({ status: 400, hash: 0, verify: 1 });
    // Input no password can match is refused before hashing.
    expect(await signIn('existe@example.mx', 'x'.repeat(5000))).toEqual({ status: 400, hash: 0, verify: 0 });

    // Registration hashes the password whether or not the address has an account.
    const register = (email: string) =>
      work(() =>
        postForm(app, '/registro', '/registro', {
          name: 'Alguien',
          email,
          password: 'una frase nueva y larga',
          consent: 'yes',
        }),
      );
    expect(await register('existe@example.mx')).toEqual({ status: 200, hash: 1, verify: 0 });
    expect(await register('nueva@example.mx')).toEqual({ status: 200, hash: 1, verify: 0 });
    // A weak password is refused before hashing.
    expect(
      await work(() =>
        postForm(app, '/registro', '/registro', {
          name: 'Alguien',
          email: 'otra@example.mx',
          password: 'password1234',
          consent: 'yes',
        }),
      ),
    ).toEqual({ status: 400, hash: 0, verify: 0 });

    // A link that cannot set a password costs no hashing.
    expect(
      await work(() =>
        postForm(app, '/recuperar', '/recuperar/no-es-un-enlace', { password: 'una frase nueva y larga' }),
      ),
    ).toEqual({ status: 400, hash: 0, verify: 0 });
  });
});
