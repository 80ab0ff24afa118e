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
    // Screens and stores read through the live queries in src/db/queries/ and write
    // through src/db/repo.ts, never IndexedDB itself: index names stay in src/db/, and a
    // pull or another tab shows by itself instead of through hand-refreshed copies.
    name: 'lim-huddle/read-through-the-data-layer',
    files: ['src/stores/**/*.ts', 'src/components/**/*.{ts,vue}', 'src/views/**/*.{ts,vue}', 'src/composables/**/*.ts'],
    // The sync store hands the database to the sync engine (src/sync owns the transport).
    ignores: ['src/stores/sync.ts'],
    rules: {
      // Types (a row's shape) are not reads.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['dexie', '@/db/db'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Read through src/db/queries/ (live) and write through src/db/repo.ts.',
          })),
        },
      ],
    },
  },
  // Layout is Prettier's job (`npm run format`); ESLint keeps to correctness.
  prettierConfig,
)
