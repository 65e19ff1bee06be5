// ESLint flat config. Besides type-aware hygiene it enforces the layer direction of docs/ARCHITECTURE.md:
// core ← store ← services ← server/cli, contract ← server/web; web talks to the server over HTTP only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((regex) => ({ regex, message })) }],
  },
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'test-results/**', 'bench/out/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message:
            'Config is parsed once per app (apps/*/src/config.ts); pass it down instead of reading process.env.',
        },
      ],
    },
  },
  // core is pure: it imports nothing but its own files (tests may import fast-check and vitest).
  layer(
    ['packages/core/src/**/*.ts'],
    ['^(?!\\.{1,2}/|vitest$|fast-check$)'],
    'packages/core is pure: no imports outside core.',
  ),
  layer(
    ['packages/store/src/**/*.ts'],
    ['^@suocha/(services|contract|server|web|cli)'],
    'store may import only core.',
  ),
  layer(['packages/services/src/**/*.ts'], ['^@suocha/(server|web|cli)'], 'services may not import apps.'),
  layer(['packages/contract/src/**/*.ts'], ['^@suocha/(?!core$)'], 'contract may import only core types.'),
  layer(
    ['apps/web/src/**/*.{ts,tsx}'],
    ['^@suocha/(store|services|server|cli)', '^node:', '^(fs|path|child_process)$'],
    'web talks to the server over HTTP only.',
  ),
  layer(['apps/server/src/**/*.ts'], ['^@suocha/(web|cli)'], 'server may not import web or cli.'),
  // Only the app config modules read process.env.
  {
    files: [
      'apps/*/src/config.ts',
      'bench/**',
      'e2e/**',
      'scripts/**',
      '**/*.test.ts',
      'vitest.config.ts',
      'vitest.global-setup.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
