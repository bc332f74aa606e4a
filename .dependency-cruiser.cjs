/**
 * The direction of imports, checked by `npm run lint` (dependency-cruiser). ARCHITECTURE.md draws the same order.
 *
 * Layers, lowest first: each may import only the layers below it.
 *   foundation  src/shared, src/config.ts, src/paths.ts
 *   db          src/db
 *   queue       src/jobs/{boss,enqueue,sql-executor}.ts (pg-boss plumbing that notifications uses)
 *   web         src/web (design system, i18n, page rendering)
 *   kernel      src/kernel (the contracts modules declare themselves with: manifest, access, actor, records)
 *   modules     src/modules/<name>, in MODULE_ORDER: a module imports only modules before it
 *   composition src/registry.ts, src/app.tsx, src/app/, src/server.ts, src/main.ts, src/jobs/start-jobs.ts, src/demo,
 *               src/cli, src/testing (and tests): may import anything
 */
const MODULE_ORDER = [
  'audit',
  'directory',
  'exercises',
  'notifications',
  'accounts',
  'privacy',
  'files',
  'participation',
  'opendata',
  'calls',
  'registrations',
  'secretariat',
  'plan',
  'cocreation',
  'evaluation',
  'api',
  'site',
];

/** Reference data every module may read directly: the exercises, institutions and municipalities. */
const REFERENCE_DATA = ['directory', 'exercises'];

const TESTS = '\\.test\\.tsx?$';

/**
 * Known exceptions, each with its reason; keep this list short and shrinking.
 * - A call's next-step mailing goes to the people who signed up to it: its four use cases in `calls` read the
 *   registrations and write the mailing tables that `registrations` owns, and the call's admin page shows them. The
 *   mailing belongs in `registrations` once the call's admin page can take sections from higher modules.
 */
const COMPOSITION =
  '^src/(registry\\.ts|app\\.tsx|app/|server\\.ts|main\\.ts|jobs/start-jobs\\.ts|jobs/testing/|demo/|cli/|testing/)';
const modulePath = (names) => `^src/modules/(${names.join('|')})/`;

const layers = [
  { name: 'foundation', path: '^src/(shared/|config\\.ts|paths\\.ts)', may: [] },
  { name: 'db', path: '^src/db/', may: ['foundation'] },
  { name: 'queue', path: '^src/jobs/(boss|enqueue|sql-executor)\\.ts', may: ['foundation', 'db'] },
  { name: 'web', path: '^src/web/', may: ['foundation', 'db', 'queue'] },
  { name: 'kernel', path: '^src/kernel/', may: ['foundation', 'db', 'queue', 'web'] },
  { name: 'modules', path: '^src/modules/', may: ['foundation', 'db', 'queue', 'web', 'kernel', 'modules'] },
];
const layerPath = Object.fromEntries(layers.map((layer) => [layer.name, layer.path]));

const layerRules = layers.map((layer) => ({
  name: `layer-${layer.name}`,
  comment: `${layer.name} imports only: ${layer.may.join(', ') || 'nothing of the project'}`,
  severity: 'error',
  from: { path: layer.path, pathNot: TESTS },
  to: { path: '^src/', pathNot: [layer.path, ...layer.may.map((name) => layerPath[name])] },
}));

const moduleRules = MODULE_ORDER.slice(0, -1).map((name, index) => ({
  name: `module-order-${name}`,
  comment: `${name} may not import a module that comes after it (${MODULE_ORDER.slice(index + 1).join(', ')})`,
  severity: 'error',
  from: { path: modulePath([name]), pathNot: TESTS },
  to: { path: modulePath(MODULE_ORDER.slice(index + 1)) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, between files or between modules.',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { circular: true },
    },
    ...layerRules,
    ...moduleRules,
    {
      name: 'tables-of-other-modules',
      comment:
        "A module reads another module's tables only through that module's read-models.ts (or its use cases); reference data (exercises, directory) and foreign keys (schema.ts to schema.ts) are the exceptions.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: [TESTS, '/schema\\.ts$'] },
      to: { path: '^src/modules/([^/]+)/schema\\.ts$', pathNot: ['^src/modules/$1/', modulePath(REFERENCE_DATA)] },
    },
    {
      name: 'rooms-core-first',
      comment:
        'A large module is split into rooms (plan: core, admin, work, data). core holds the rules every room shares and imports no other room.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/core/', pathNot: TESTS },
      to: { path: '^src/modules/$1/(admin|work|data)/' },
    },
    {
      name: 'rooms-apart',
      comment: 'The rooms of a module other than core (admin, work, data) import core and never each other.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/(admin|work|data)/', pathNot: TESTS },
      to: { path: '^src/modules/$1/(admin|work|data)/', pathNot: '^src/modules/$1/$2/' },
    },
    {
      name: 'evaluation-rooms',
      comment:
        'Evaluation keeps the rules its rooms share (scales, policy, the assessments and reports) at the top of its folder; its rooms (report, lessons) import them and never each other, and the top imports a room only in module.ts and demo.ts.',
      severity: 'error',
      from: {
        path: '^src/modules/evaluation/([^/]+\\.tsx?|views/.+)$',
        pathNot: [TESTS, '^src/modules/evaluation/(module|demo)\\.ts$'],
      },
      to: { path: '^src/modules/evaluation/(report|lessons)/' },
    },
    {
      name: 'evaluation-rooms-apart',
      comment: 'The rooms of evaluation (report, lessons) never import each other.',
      severity: 'error',
      from: { path: '^src/modules/evaluation/(report|lessons)/', pathNot: TESTS },
      to: { path: '^src/modules/evaluation/(report|lessons)/', pathNot: '^src/modules/evaluation/$1/' },
    },
    {
      name: 'not-to-composition',
      comment:
        'Nothing but tests and the composition root imports the registry, the app, the server, the demo or the CLI.',
      severity: 'error',
      from: { path: '^src/', pathNot: [TESTS, COMPOSITION] },
      to: { path: COMPOSITION },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^src/db/migrations/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
