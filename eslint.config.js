import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'test-results/**',
      '.ha-dev/**',
      'custom_components/llm_ops/frontend/**',
      'sidecar/public/**',
      'sidecar/bundle/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The product's patterns read what logs, users and models write: none may backtrack
    // super-linearly, or one crafted line could stall the sidecar.
    files: ['*/src/**/*.ts', 'scripts/**/*.ts'],
    plugins: { regexp },
    rules: { 'regexp/no-super-linear-backtracking': 'error' },
  },
  {
    files: ['panel/**/*.ts', 'cards/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
