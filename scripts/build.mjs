// Builds the server (dist/main.js, dist/cli.js) and the hashed public assets (dist/public). Takes about a second.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const publicDir = join(dist, 'public');
rmSync(dist, { recursive: true, force: true });
mkdirSync(publicDir, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts', cli: 'src/cli/main.ts' },
  outdir: dist,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
});

const assets = await build({
  absWorkingDir: root,
  entryPoints: { app: 'src/web/client/main.ts', style: 'src/web/static/app.css' },
  outdir: publicDir,
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019', 'chrome80', 'firefox78', 'safari13'],
  loader: { '.woff2': 'file', '.woff': 'file' },
  metafile: true,
  logLevel: 'warning',
});
const outputs = Object.keys(assets.metafile.outputs).map((file) => basename(file));
const find = (prefix, ext) => outputs.find((file) => file.startsWith(prefix) && file.endsWith(ext));
writeFileSync(
  join(publicDir, 'manifest.json'),
  JSON.stringify({ css: find('style-', '.css'), js: find('app-', '.js') }),
);
copyFileSync(join(root, 'src/web/static/favicon.svg'), join(publicDir, 'favicon.svg'));
