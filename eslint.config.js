import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** `app.get(path, handler)` or `app.get(path, { preHandler }, handler)`: a route that does not say who may use it. */
const routeCall =
  "CallExpression[callee.object.name='app'][callee.property.name=/^(get|post|put|patch|delete|head|all)$/]";
const routeAccess = [
  {
    selector: `${routeCall} > :matches(ArrowFunctionExpression, FunctionExpression).arguments:nth-child(2)`,
    message:
      'Declare who may use the route: app.get(path, access.public | access.signedIn | access.roles(...), handler) (src/kernel/access.ts).',
  },
  {
    selector: `${routeCall} > ObjectExpression.arguments:nth-child(2):not(:has(SpreadElement)):not(:has(Property[key.name='config']))`,
    message:
      'Declare who may use the route: spread access.public | access.signedIn | access.roles(...) into its options (src/kernel/access.ts).',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'src/db/migrations/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        document: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Modules add their message keys to the catalog by declaration merging: `interface X extends KeysOf<...> {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read settings through src/config.ts only.',
        },
        ...routeAccess,
      ],
    },
  },
  {
    // Rooms of a size a person can hold. Prettier keeps code lines to 120 characters; comments and strings are held
    // here. Catalogs (messages, i18n), the demo seed and tests are exempt from the length of functions and files.
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'scripts/**', 'bin/**'],
    ignores: [
      '**/messages.ts',
      'src/web/i18n/es-MX.ts',
      'src/web/i18n/en.ts',
      'src/demo/**',
      '**/demo.ts',
      '**/*.test.ts',
      '**/*.test.tsx',
      'src/testing/**',
    ],
    rules: {
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: [
      'src/config.ts',
      'src/cli/**',
      'src/testing/**',
      '**/*.test.ts',
      '**/*.test.tsx',
      'scripts/**',
      'bench/**',
      'test/**',
      '*.config.ts',
      'bin/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/modules/**/*.ts'],
    ignores: [
      'src/modules/**/routes.tsx',
      'src/modules/**/views/**',
      'src/modules/**/guards.ts',
      'src/modules/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'fastify',
                '@fastify/*',
                'preact',
                'preact/*',
                '**/web/components/*',
                '**/web/http.js',
                '**/web/render.js',
                '**/web/layout.js',
              ],
              message: 'A use case never imports Fastify or JSX.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
