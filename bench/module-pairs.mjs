// Counts the pairs of modules that import each other (tests excluded), from dependency-cruiser's graph.
// Run by hand: node bench/module-pairs.mjs
import { execFileSync } from 'node:child_process';

const out = execFileSync(
  'npx',
  ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', '--exclude', '\\.test\\.tsx?$'],
  {
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  },
);
const graph = JSON.parse(out);
const moduleOf = (path) => /^src\/modules\/([^/]+)\//.exec(path)?.[1];
const edges = new Set();
for (const file of graph.modules) {
  const from = moduleOf(file.source);
  if (!from) continue;
  for (const dependency of file.dependencies) {
    const to = moduleOf(dependency.resolved);
    if (to && to !== from) edges.add(`${from}>${to}`);
  }
}
const pairs = [...edges].filter((edge) => {
  const [from, to] = edge.split('>');
  return from < to && edges.has(`${to}>${from}`);
});
console.log(
  `modules: ${new Set([...edges].flatMap((edge) => edge.split('>'))).size}, module-to-module edges: ${edges.size}, two-way pairs: ${pairs.length}`,
);
for (const pair of pairs) console.log(`  ${pair.replace('>', ' <-> ')}`);
