import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { staticDir } from '../paths.js';

/** Hashed names of the built CSS and JS (written by scripts/build.mjs), so they can be cached for a year. */
export function loadAssetManifest(): { css: string; js: string } {
  try {
    const manifest = JSON.parse(readFileSync(join(staticDir, 'manifest.json'), 'utf8')) as { css: string; js: string };
    return { css: `/static/${manifest.css}`, js: `/static/${manifest.js}` };
  } catch {
    throw new Error('The web assets are not built: run `npm run build` (npm start and npm test do it for you).');
  }
}
