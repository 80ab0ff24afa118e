import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import { vueTsConfigs, withVueTs } from '@vue/eslint-config-typescript'
import prettierConfig from 'eslint-config-prettier/flat'

export default withVueTs(
  {
    name: 'lim-huddle/ignores',
    ignores: [
      'dist/**',
      'dev-dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    name: 'lim-huddle/rules',
    rules: {
      // Line-breaking and whitespace in templates are formatting, not correctness, and
      // the house style keeps short elements on one line.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      // `_name` marks a parameter a callback must accept but does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Stores hold what the screen is doing and send writes through src/db/repo.ts; rows
    // come from the live queries in src/db/queries/, so a pull or another tab shows by
    // itself. Reading IndexedDB from a store would bring back hand-refreshed copies.
    name: 'lim-huddle/stores-read-through-queries',
    files: ['src/stores/**/*.ts'],
    // The sync store hands the database to the sync engine (src/sync owns the transport).
    ignores: ['src/stores/sync.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'Stores read through src/db/queries/ and write through src/db/repo.ts.' },
            { name: '@/db/db', message: 'Stores read through src/db/queries/ and write through src/db/repo.ts.' },
          ],
          patterns: [
            {
              group: ['@/db/*', '!@/db/queries', '!@/db/queries/*', '!@/db/repo', '!@/db/*Writes'],
              message: 'Stores read through src/db/queries/ and write through src/db/repo.ts.',
            },
          ],
        },
      ],
    },
  },
  // Layout is Prettier's job (`npm run format`); ESLint keeps to correctness.
  prettierConfig,
)
