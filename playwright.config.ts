import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests: Debian's Chromium (never a downloaded browser) against the built portal on a fresh embedded
 * database with the demo. `scripts/test-browser.mjs` checks that Chromium is there before running them.
 */
const port = Number(process.env.E2E_PORT ?? 3217);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'cocrea-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1);
process.env.E2E_SMTP_PORT = String(smtpPort);

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/mail-server.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Visitors of a Mexican portal: Spanish unless a test says otherwise.
    locale: 'es-MX',
    timezoneId: 'America/Monterrey',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    // The Secretariat's journey installs the fourth exercise's Secretariat, whose agreement the co-creation journey
    // then prioritises a problem by: that journey runs after it; everything else runs alongside.
    { name: 'secretariat', testMatch: /secretariat-journey\.spec\.ts/ },
    { name: 'cocreation', testMatch: /cocreation-journey\.spec\.ts/, dependencies: ['secretariat'] },
    { name: 'portal', testIgnore: [/secretariat-journey\.spec\.ts/, /cocreation-journey\.spec\.ts/] },
  ],
  webServer: {
    // Administrators are made as an operator would (cocrea create-admin); each journey reads its own one-time link.
    command: `node bin/cocrea.js create-admin admin@example.mx > ${join(dataDir, 'admin-link.txt')} && node bin/cocrea.js create-admin revisora@example.mx > ${join(dataDir, 'reviewer-link.txt')} && node bin/cocrea.js create-admin convocatorias@example.mx > ${join(dataDir, 'calls-admin-link.txt')} && node bin/cocrea.js create-admin participacion@example.mx > ${join(dataDir, 'participation-admin-link.txt')} && node bin/cocrea.js create-admin secretariado@example.mx > ${join(dataDir, 'secretariat-admin-link.txt')} && node bin/cocrea.js create-admin plan@example.mx > ${join(dataDir, 'plan-admin-link.txt')} && node bin/cocrea.js create-admin evaluacion@example.mx > ${join(dataDir, 'evaluation-admin-link.txt')} && node bin/cocrea.js create-admin cocreacion@example.mx > ${join(dataDir, 'cocreation-admin-link.txt')} && node dist/main.js`,
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    // Eight one-time admin links (each command opens the embedded database) and the first start with the demo.
    timeout: 180_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      EMAIL_RETRY_DELAY_SECONDS: '1',
      // The browser reaches the portal from 127.0.0.1, as a proxy would: a journey may then send X-Forwarded-For to
      // come from an address of its own, so its sign-ins do not count against the others' rate limits.
      TRUST_PROXY: '127.0.0.1',
    },
  },
});
