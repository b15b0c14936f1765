import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // core/ is pure: no DOM, no Node, no Electron, no storage, no UI.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'electron', 'dexie', 'react', 'react-dom', 'lexical', '@lexical/*'], message: 'core/ must stay pure TypeScript.' },
          { group: ['**/renderer/**', '**/electron/**', '**/tests/**'], message: 'core/ must not import from renderer, electron or tests.' },
        ],
      }],
    },
  },
);
