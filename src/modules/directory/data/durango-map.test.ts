import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../paths.js';
import { parseMunicipalitiesCsv } from '../import-municipalities.js';
import map from './durango-map.json' with { type: 'json' };

const file = join(projectRoot, 'src/modules/directory/data/durango-map.json');
const geojson = join(projectRoot, '../shared/data/durango/municipios.geojson');

/** The rings of a path written by scripts/build-map.mjs ("M x y l dx dy … z" per ring), as absolute points. */
function ringsOf(d: string): [number, number][][] {
  const rings = d.match(/M[^z]*z/g) ?? [];
  expect(rings.join('')).toBe(d);
  return rings.map((ring) => {
    const match = /^M(-?\d+) (-?\d+)l((?:\s?-?\d+)+)z$/.exec(ring);
    expect(match, ring.slice(0, 60)).not.toBeNull();
    const deltas = match![3]!.match(/-?\d+/g)!.map(Number);
    expect(deltas.length % 2).toBe(0);
    const points: [number, number][] = [[Number(match![1]), Number(match![2])]];
    for (let i = 0; i < deltas.length; i += 2) {
      const [x, y] = points.at(-1)!;
      points.push([x + deltas[i]!, y + deltas[i + 1]!]);
    }
    return points;
  });
}

const area = (ring: [number, number][]) =>
  Math.abs(
    ring.reduce((sum, [x, y], i) => sum + x * ring[(i + 1) % ring.length]![1] - ring[(i + 1) % ring.length]![0] * y, 0),
  ) / 2;

describe('the simplified map of Durango (src/modules/directory/data/durango-map.json)', () => {
  it('is small: at most 60 KB', () => {
    expect(statSync(file).size).toBeLessThanOrEqual(60 * 1024);
  });

  it('has the 39 municipalities of the directory, by INEGI code and name, and cites its source', () => {
    const directory = parseMunicipalitiesCsv(
      readFileSync(join(projectRoot, 'src/demo/data/municipios-durango.csv'), 'utf8'),
    );
    expect(map.municipalities.map((m) => m.cvegeo).sort()).toEqual(directory.map((m) => m.cvegeo).sort());
    expect(new Set(map.municipalities.map((m) => m.cvegeo)).size).toBe(39);
    for (const m of map.municipalities) expect(m.name).toBe(directory.find((d) => d.cvegeo === m.cvegeo)!.name);
    expect(map.source).toBe('INEGI. Marco Geoestadístico 2024');
  });

  it('has well-formed paths, inside the viewBox, each with a visible area', () => {
    const [minX, minY, width, height] = map.viewBox.split(' ').map(Number);
    expect([minX, minY, width]).toEqual([0, 0, 1000]);
    expect(height).toBeGreaterThan(500);
    for (const m of map.municipalities) {
      const rings = ringsOf(m.d);
      expect(rings.length).toBeGreaterThan(0);
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(3);
        for (const [x, y] of ring) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(width!);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(height!);
        }
      }
      expect(Math.max(...rings.map(area)), m.name).toBeGreaterThan(100);
    }
  });

  it('keeps the topology: every border is drawn identically by both neighbours, so only the state outline is unshared', () => {
    const edges = new Map<string, number>();
    const key = (a: [number, number], b: [number, number]) =>
      a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? `${a}|${b}` : `${b}|${a}`;
    for (const m of map.municipalities)
      for (const ring of ringsOf(m.d))
        ring.forEach((point, i) =>
          edges.set(
            key(point, ring[(i + 1) % ring.length]!),
            (edges.get(key(point, ring[(i + 1) % ring.length]!)) ?? 0) + 1,
          ),
        );
    expect(Math.max(...edges.values())).toBeLessThanOrEqual(2);
    // The edges drawn once are the state's outline: one closed loop, every vertex with an even degree.
    const outline = [...edges].filter(([, uses]) => uses === 1).map(([edge]) => edge.split('|'));
    const degree = new Map<string, number>();
    const links = new Map<string, string[]>();
    for (const [a, b] of outline) {
      for (const [from, to] of [
        [a!, b!],
        [b!, a!],
      ]) {
        degree.set(from!, (degree.get(from!) ?? 0) + 1);
        links.set(from!, [...(links.get(from!) ?? []), to!]);
      }
    }
    expect([...degree.values()].every((d) => d % 2 === 0)).toBe(true);
    const seen = new Set<string>([outline[0]![0]!]);
    const queue = [outline[0]![0]!];
    while (queue.length) {
      for (const next of links.get(queue.pop()!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(seen.size).toBe(degree.size);
    expect(outline.length / edges.size).toBeLessThan(0.5);
  });

  it.skipIf(!existsSync(geojson))(
    "is what scripts/build-map.mjs makes from INEGI's boundaries (run it again if they change)",
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'cocrea-map-'));
      try {
        const result = spawnSync(
          process.execPath,
          [join(projectRoot, 'scripts/build-map.mjs'), geojson, join(dir, 'map.json')],
          { encoding: 'utf8' },
        );
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toMatch(/39 municipalities/);
        expect(readFileSync(join(dir, 'map.json'), 'utf8')).toBe(readFileSync(file, 'utf8'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
