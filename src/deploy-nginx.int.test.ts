import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fromPgPool } from './db/client.js';
import { projectRoot } from './paths.js';
import { startPortal, type PortalProcess } from './testing/portal-process.js';
import { signInAs } from './testing/sign-in.js';
import { createServerDatabaseUrl, testDriver } from './testing/test-db.js';

/**
 * deploy/nginx/cocrea.conf as shipped, with two portal processes on PostgreSQL behind it: what an operator installs.
 * Only the names, ports and paths its header says to replace are replaced (and the request rate, so that this
 * test's own load is not limited).
 */
const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const runs = testDriver === 'postgres' && (nginx !== undefined || process.env.CI === 'true');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8, rejectUnauthorized: false });

/** A request through nginx over TLS (its certificate is the test's own). */
function through(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        agent,
        servername: 'localhost',
        headers: { host: options.host ?? 'localhost', 'accept-language': 'es-MX', ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error('timed out')));
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** The cookies a response sets, merged over `jar` (a cookie with Max-Age=0 is dropped). */
function keepCookies(jar: Record<string, string>, headers: Answer['headers']) {
  for (const line of [headers['set-cookie'] ?? []].flat()) {
    const [pair = ''] = line.split(';');
    const [name = '', value = ''] = pair.split('=');
    if (/max-age=0/i.test(line)) delete jar[name];
    else jar[name] = value;
  }
  return jar;
}
const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

const stops: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  while (stops.length) await stops.pop()!();
});

describe.skipIf(!runs)('deploy/nginx/cocrea.conf with two processes on PostgreSQL', () => {
  it('serves through nginx, reads a write fresh on the other process, and restarts one at a time without an error', async () => {
    if (!nginx) throw new Error('nginx is not installed: .ci/run installs it (apt-get install -y nginx)');
    const folder = mkdtempSync(join(tmpdir(), 'cocrea-nginx-'));
    const [portA, portB, tlsPort, httpPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(folder, 'key.pem'),
        '-out',
        join(folder, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
    const shipped = readFileSync(join(projectRoot, 'deploy', 'nginx', 'cocrea.conf'), 'utf8');
    const site = shipped
      .replace(/^\s*listen \[::\].*$/gm, '')
      .replaceAll('listen 443 ssl', `listen 127.0.0.1:${tlsPort} ssl`)
      .replaceAll('listen 80', `listen 127.0.0.1:${httpPort}`)
      .replaceAll('127.0.0.1:3000', `127.0.0.1:${portA}`)
      .replaceAll('127.0.0.1:3001', `127.0.0.1:${portB}`)
      .replaceAll('/etc/letsencrypt/live/gobiernoabierto.example.mx/fullchain.pem', join(folder, 'cert.pem'))
      .replaceAll('/etc/letsencrypt/live/gobiernoabierto.example.mx/privkey.pem', join(folder, 'key.pem'))
      .replaceAll('gobiernoabierto.example.mx', 'localhost')
      .replaceAll('/opt/cocrea/dist/public/', `${join(projectRoot, 'dist', 'public')}/`)
      .replace('rate=20r/s', 'rate=5000r/s');
    writeFileSync(join(folder, 'cocrea.conf'), site);
    mkdirSync(join(folder, 'logs'));
    writeFileSync(
      join(folder, 'nginx.conf'),
      [
        process.getuid?.() === 0 ? 'user root;' : '',
        'worker_processes 1;',
        `pid ${join(folder, 'nginx.pid')};`,
        `error_log ${join(folder, 'logs', 'error.log')} warn;`,
        'events { worker_connections 512; }',
        'http {',
        '  include /etc/nginx/mime.types;',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (kind) => `  ${kind}_temp_path ${join(folder, kind)};`,
        ),
        `  include ${join(folder, 'cocrea.conf')};`,
        '}',
      ].join('\n'),
    );
    execFileSync(nginx, ['-t', '-p', folder, '-c', join(folder, 'nginx.conf')], { stdio: 'pipe' });

    const databaseUrl = await createServerDatabaseUrl();
    const env = (port: number) => ({
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      TRUST_PROXY: '127.0.0.1',
      PUBLIC_URL: `https://localhost:${tlsPort}`,
      LOG_LEVEL: 'info',
    });
    const portals: Record<'a' | 'b', PortalProcess> = {
      a: startPortal(env(portA)),
      b: startPortal(env(portB)),
    };
    stops.push(() => Object.values(portals).forEach((portal) => portal.exited || portal.kill('SIGKILL')));
    await Promise.all([portals.a.url(), portals.b.url()]);
    const server: ChildProcess = spawn(nginx, ['-p', folder, '-c', join(folder, 'nginx.conf'), '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    stops.push(() => void server.kill('SIGQUIT'));
    const direct = (port: number, path: string, headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${port}${path}`, { headers: { 'accept-language': 'es-MX', ...headers } });
    for (let tries = 0; ; tries++) {
      const ready = await through(tlsPort, '/readyz').catch(() => undefined);
      if (ready?.status === 200) break;
      if (tries > 50) throw new Error('nginx did not answer');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // Pages come from the portal, static files from nginx itself; an unknown Host gets no answer at all.
    const home = await through(tlsPort, '/');
    expect(home.status).toBe(200);
    expect(home.headers['x-request-id']).toBeDefined();
    const css = /href="(\/static\/[^"]+\.css)"/.exec(home.body)?.[1];
    expect(css).toBeDefined();
    const stylesheet = await through(tlsPort, css!);
    expect(stylesheet.status).toBe(200);
    expect(stylesheet.headers['cache-control']).toContain('immutable');
    expect(stylesheet.headers['x-request-id']).toBeUndefined();
    await expect(through(tlsPort, '/', { host: 'evil.example' })).rejects.toThrow();
    // Links come from PUBLIC_URL whatever the client claims about itself.
    const forged = await through(tlsPort, '/', {
      headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
    });
    expect(forged.body).not.toContain('evil.example');

    // A write through one process shows on the next page through the other one, and through nginx.
    const database = fromPgPool(new pg.Pool({ connectionString: databaseUrl, max: 2 }), 'test');
    stops.push(() => database.close());
    const person = await signInAs(database, { name: 'Nombre inicial' });
    const jar: Record<string, string> = { sid: person.cookies.sid };
    for (let round = 1; round <= 20; round++) {
      // The other process has this person's session (and name) in its memory.
      const before = await direct(portB, '/cuenta', { cookie: cookieHeader(jar) });
      expect(before.status).toBe(200);
      const name = `Nombre número ${round}`;
      const body = new URLSearchParams({
        _csrf: person.csrf,
        name,
        locale: 'es-MX',
        notificationFrequency: 'immediate',
      }).toString();
      const written = await fetch(`http://127.0.0.1:${portA}/cuenta`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
        body,
      });
      expect(written.status).toBe(303);
      for (const line of written.headers.getSetCookie()) keepCookies(jar, { 'set-cookie': [line] });
      const next = written.headers.get('location')!;
      const other = await direct(portB, next, { cookie: cookieHeader(jar) });
      expect(await other.text()).toContain(name);
      const proxied = await through(tlsPort, next, { headers: { cookie: cookieHeader(jar) } });
      expect(proxied.body).toContain(name);
    }

    // A rolling restart under load (reads and form posts through nginx): no request fails.
    let stopLoad = false;
    const failures: string[] = [];
    let answered = 0;
    const load = async (index: number) => {
      while (!stopLoad) {
        const post = index % 2 === 1;
        try {
          const answer = await through(tlsPort, post ? '/entrar' : '/', {
            method: post ? 'POST' : 'GET',
            headers: post ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
            body: post ? 'email=a%40example.mx&password=x' : undefined,
          });
          answered += 1;
          if (answer.status >= 500) failures.push(`${post ? 'POST' : 'GET'} ${answer.status}`);
        } catch (error) {
          failures.push(String(error));
        }
      }
    };
    const clients = [0, 1, 2, 3].map(load);
    for (const key of ['a', 'b'] as const) {
      // As deploy/rolling-restart.sh does: past nginx's fail_timeout once the previous process is ready.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      portals[key].kill('SIGTERM');
      expect(await portals[key].exit).toBe(0);
      portals[key] = startPortal(env(key === 'a' ? portA : portB));
      await portals[key].url();
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    stopLoad = true;
    await Promise.all(clients);
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(100);
    const errors = readFileSync(join(folder, 'logs', 'error.log'), 'utf8');
    expect(errors).not.toMatch(/upstream prematurely closed|Connection reset by peer/);
    expect(readdirSync(folder)).toContain('cocrea.conf');
  });
});
