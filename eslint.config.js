import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'src/db/migrations/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly', document: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Modules add their message keys to the catalog by declaration merging: `interface X extends KeysOf<...> {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read settings through src/config.ts only.' },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['src/config.ts', 'src/cli/**', 'src/testing/**', '**/*.test.ts', '**/*.test.tsx', 'scripts/**', 'bench/**', 'test/**', '*.config.ts', 'bin/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/routes.tsx', 'src/modules/**/views/**', 'src/modules/**/guards.ts', 'src/modules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['fastify', '@fastify/*', 'preact', 'preact/*', '**/web/components/*', '**/web/http.js', '**/web/render.js', '**/web/layout.js'], message: 'A use case never imports Fastify or JSX.' }] }],
    },
  },
);
