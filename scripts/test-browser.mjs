// Runs the Playwright browser tests if Debian's Chromium is installed. Without it the tests cannot run: say so
// loudly, and fail when CI=true (a missing browser in CI is a broken build, not a pass).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const banner = '!'.repeat(78);
  console.error(
    `\n${banner}\n  BROWSER TESTS DID NOT RUN: Chromium was not found at ${chromium}.\n` +
      "  Install Debian's Chromium with:  sudo apt-get update && sudo apt-get install -y chromium\n" +
      `  (or set CHROMIUM_PATH to a Chromium binary), then run npm test again.\n${banner}\n`,
  );
  process.exit(process.env.CI === 'true' ? 1 : 0);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
