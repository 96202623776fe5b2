// One lint setup for the whole workspace. The import rules below keep dependencies pointing
// inward (DESIGN.md §2): the engine, extract and contracts know nothing of the apps, and the
// engine is pure (no clock, no randomness, no process, no Node built-ins).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const workspacePackages = [
  '@numeri/server',
  '@numeri/web',
  '@numeri/extract',
  '@numeri/contracts',
  '@numeri/tax-engine',
];

function restrictImports(banned, { allowTypeImportsFrom = [], nodeBuiltins = false } = {}) {
  const patterns = [];
  for (const name of banned) {
    patterns.push({
      group: [name, `${name}/*`],
      allowTypeImports: allowTypeImportsFrom.includes(name),
      message: 'This import points outward; see DESIGN.md §2 (dependencies point inward).',
    });
  }
  if (nodeBuiltins) {
    patterns.push({ group: ['node:*'], message: 'Pure packages must not use Node built-ins.' });
  }
  return ['error', { patterns }];
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'apps/server/src/db/migrations/**',
      'e2e/artifacts/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['packages/tax-engine/src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(workspacePackages, { nodeBuiltins: true }),
      'no-restricted-globals': [
        'error',
        'process',
        'Buffer',
        'require',
        '__dirname',
        'fetch',
        'setTimeout',
        'setInterval',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The engine is pure: pass dates in.' },
        { object: 'Math', property: 'random', message: 'The engine is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The engine is pure: pass dates in.',
        },
      ],
    },
  },
  {
    files: ['packages/extract/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(workspacePackages, { nodeBuiltins: true }),
      'no-restricted-globals': ['error', 'process', 'require', '__dirname'],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(workspacePackages, {
        allowTypeImportsFrom: ['@numeri/tax-engine'],
        nodeBuiltins: true,
      }),
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictImports(['@numeri/server', '@numeri/extract'], {
        nodeBuiltins: true,
      }),
    },
  },
  {
    files: ['apps/web/vite.config.ts', 'apps/web/**/*.config.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**', '**/bench/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': 'off',
      'no-restricted-globals': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-syntax': 'off',
    },
  },
);
