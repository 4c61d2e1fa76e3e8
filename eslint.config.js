// ESLint flat config: type-aware rules from typescript-eslint over every TypeScript folder, and
// eslint-plugin-lit over the Lit front-ends. Few rules, chosen for bugs they catch (a lost promise,
// an async handler whose rejection nobody sees, a broken template), not for taste: the formatter
// (Prettier, .prettierrc.json) owns layout. docs/contributing.md says why each rule is here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['**/node_modules/**', 'dist/**', 'coverage/**', 'data/**', 'data-history/**', 'test-results/**', '.vitest-*.json'],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.eslintRecommended],
    languageOptions: {
      parser: tseslint.parser,
      // Types come from tsconfig.json, the same program `npm run typecheck` checks.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // Promises: the reason this linter exists.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      // Correctness that the compiler does not check.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The Lit front-ends: template mistakes lit-html would only report at run time, if at all.
    files: ['kiosk/**/*.ts', 'counter-display/**/*.ts', 'admin/**/*.ts', 'reports/**/*.ts', 'web-shared/**/*.ts'],
    extends: [lit.configs['flat/recommended']],
    languageOptions: { globals: globals.browser },
    rules: {
      'lit/lifecycle-super': 'error',
      'lit/no-classfield-shadowing': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/value-after-constraints': 'error',
    },
  },
  {
    // Plain JavaScript (this file, the CI summary script): no type information.
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
