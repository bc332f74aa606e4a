// Builds the small inline map of the state's municipalities from INEGI's boundaries:
//   node scripts/build-map.mjs [input.geojson] [output.json] [--tolerance=0.8]
// Reads the full-resolution GeoJSON (WGS84, ~2.5 MB), projects it to a plane, simplifies every border once (so two
// neighbours keep exactly the same simplified border), rounds to integers and writes SVG path data (~20 KB).
// Plain Node, no dependencies; run it again only when the boundaries change, and commit the output.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const positional = args.filter((arg) => !arg.startsWith('--'));
const option = (name, fallback) => Number(args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const input = positional[0] ?? join(root, '../shared/data/durango/municipios.geojson');
const output = positional[1] ?? join(root, 'src/modules/directory/data/durango-map.json');
const WIDTH = 1000; // viewBox width; the height follows the state's shape
const MARGIN = 4; // room for the borders' stroke at the edges
const TOLERANCE = option('tolerance', 0.8); // Douglas–Peucker tolerance, in viewBox units (1 unit ≈ 0.6 px at 600 px)
const MIN_AREA = option('min-area', 6); // rings smaller than this (square units) are dropped, unless a feature's largest
const SOURCE = 'INEGI. Marco Geoestadístico 2024';

const geojson = JSON.parse(readFileSync(input, 'utf8'));
const features = geojson.features.map((feature) => {
  const { properties, geometry } = feature;
  const cvegeo = String(properties.cvegeo ?? properties.CVEGEO ?? '');
  const name = String(properties.nom_agem ?? properties.NOMGEO ?? properties.nomgeo ?? properties.name ?? '');
  if (!/^\d{5}$/.test(cvegeo) || !name)
    throw new Error(`A feature without cvegeo or name: ${JSON.stringify(properties)}`);
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  // Rings without their repeated closing vertex.
  const rings = polygons
    .flat()
    .map((ring) =>
      ring.length > 1 && ring[0][0] === ring.at(-1)[0] && ring[0][1] === ring.at(-1)[1] ? ring.slice(0, -1) : ring,
    );
  return { cvegeo, name, rings };
});
features.sort((a, b) => a.cvegeo.localeCompare(b.cvegeo));

// Equirectangular projection, x scaled by the cosine of the middle latitude, y pointing down.
let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
for (const { rings } of features)
  for (const ring of rings)
    for (const [lon, lat] of ring)
      [minLon, maxLon, minLat, maxLat] = [
        Math.min(minLon, lon),
        Math.max(maxLon, lon),
        Math.min(minLat, lat),
        Math.max(maxLat, lat),
      ];
const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
const scale = (WIDTH - 2 * MARGIN) / ((maxLon - minLon) * kx);
const HEIGHT = Math.ceil((maxLat - minLat) * scale + 2 * MARGIN);
const project = ([lon, lat]) => [MARGIN + (lon - minLon) * kx * scale, MARGIN + (maxLat - lat) * scale];
const keyOf = ([lon, lat]) => `${lon},${lat}`;

// Junctions: vertices where three or more borders meet (more than two distinct neighbours in the whole map).
const neighbours = new Map();
for (const { rings } of features)
  for (const ring of rings)
    ring.forEach((point, i) => {
      const key = keyOf(point);
      if (!neighbours.has(key)) neighbours.set(key, new Set());
      neighbours
        .get(key)
        .add(keyOf(ring[(i + 1) % ring.length]))
        .add(keyOf(ring[(i - 1 + ring.length) % ring.length]));
    });
const isJunction = (point) => neighbours.get(keyOf(point)).size > 2;

function segmentDistance(p, a, b) {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas–Peucker on an open polyline: the indices to keep (always both ends). */
function douglasPeucker(points, tolerance) {
  const keep = new Set([0, points.length - 1]);
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let [farthest, distance] = [-1, tolerance];
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i], points[first], points[last]);
      if (d > distance) [farthest, distance] = [i, d];
    }
    if (farthest !== -1) {
      keep.add(farthest);
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return keep;
}

// Pass 1: cut every ring into arcs at its junctions and simplify each arc. A vertex kept by any arc is kept
// everywhere, so a border shared by two municipalities (same vertices, opposite directions) stays identical.
const kept = new Set();
for (const { rings } of features)
  for (const ring of rings) {
    const cuts = ring.map((point, i) => (isJunction(point) ? i : -1)).filter((i) => i !== -1);
    if (cuts.length === 0) {
      // An island or an enclave: anchor it at its first vertex and the vertex farthest from it.
      const far = ring.reduce(
        (best, p, i) =>
          Math.hypot(p[0] - ring[0][0], p[1] - ring[0][1]) >
          Math.hypot(ring[best][0] - ring[0][0], ring[best][1] - ring[0][1])
            ? i
            : best,
        0,
      );
      cuts.push(0, far);
      cuts.sort((a, b) => a - b);
    }
    cuts.forEach((start, c) => {
      const end = c + 1 < cuts.length ? cuts[c + 1] : cuts[0] + ring.length;
      const arc = Array.from({ length: end - start + 1 }, (_, k) => ring[(start + k) % ring.length]);
      const projected = arc.map(project);
      for (const index of douglasPeucker(projected, TOLERANCE)) kept.add(keyOf(arc[index]));
    });
  }

const area = (points) =>
  Math.abs(
    points.reduce(
      (sum, p, i) => sum + p[0] * points[(i + 1) % points.length][1] - points[(i + 1) % points.length][0] * p[1],
      0,
    ),
  ) / 2;

// Pass 2: keep the chosen vertices, round them, drop repeated points and rings too small to see; write relative paths.
let [pointsOut, ringsDropped] = [0, 0];
const municipalities = features.map(({ cvegeo, name, rings }) => {
  const simplified = rings
    .map((ring) => {
      const rounded = ring.filter((point) => kept.has(keyOf(point))).map((point) => project(point).map(Math.round));
      return rounded.filter((p, i) => {
        const previous = rounded[(i - 1 + rounded.length) % rounded.length];
        return rounded.length === 1 || p[0] !== previous[0] || p[1] !== previous[1];
      });
    })
    .filter((ring) => ring.length >= 3);
  const largest = Math.max(...simplified.map(area));
  const visible = simplified.filter((ring) => {
    const keep = area(ring) >= MIN_AREA || area(ring) === largest;
    if (!keep) ringsDropped++;
    return keep;
  });
  if (visible.length === 0) throw new Error(`${cvegeo} ${name} vanished: lower --tolerance`);
  const number = (n) => (n < 0 ? String(n) : ` ${n}`);
  const d = visible
    .map((ring) => {
      pointsOut += ring.length;
      let path = `M${ring[0][0]} ${ring[0][1]}l`;
      for (let i = 1; i < ring.length; i++) {
        const [dx, dy] = [ring[i][0] - ring[i - 1][0], ring[i][1] - ring[i - 1][1]];
        path += (i === 1 ? String(dx) : number(dx)) + number(dy);
      }
      return `${path}z`;
    })
    .join('');
  return { cvegeo, name, d };
});

const json = `${JSON.stringify({ viewBox: `0 0 ${WIDTH} ${HEIGHT}`, source: SOURCE, municipalities }, null, 0)}\n`;
writeFileSync(output, json);
const inputPoints = features.reduce((sum, f) => sum + f.rings.reduce((s, r) => s + r.length, 0), 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `${relative(root, output)}: ${municipalities.length} municipalities, viewBox 0 0 ${WIDTH} ${HEIGHT}, ` +
    `${inputPoints} → ${pointsOut} points (tolerance ${TOLERANCE}, ${ringsDropped} tiny rings dropped), ` +
    `${kb(Buffer.byteLength(json))} (${kb(gzipSync(json).length)} gzipped)`,
);
