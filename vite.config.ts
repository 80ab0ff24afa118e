import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import purgeCss from '@fullhuman/postcss-purgecss'
import type { AcceptedPlugin, Plugin as PostcssPlugin } from 'postcss'
import { KEPT_NHS_CLASS_PREFIXES } from './src/styles/keptNhsClasses.ts'
import { VitePWA } from 'vite-plugin-pwa'
import { UNIT_FILES_WITH_MODULE_MOCKS } from './tests/moduleMockFiles.ts'

/**
 * The NHS.UK frontend's styles are most of the app's CSS, and the app uses a fraction of
 * them: PurgeCSS drops the rules that name an `nhsuk-` class no source file mentions.
 * Only in the global stylesheet (main.scss), and only `nhsuk-` classes: our own classes and
 * the components' scoped styles are left as they are. Classes built at run time
 * (`nhsuk-tag--${colour}`) are kept by prefix (src/styles/keptNhsClasses.ts).
 */
function unusedNhsCssDropped(): AcceptedPlugin {
  const purge = purgeCss({
    content: ['index.html', 'src/**/*.vue', 'src/**/*.ts'],
    safelist: { standard: [/^(?!nhsuk-)/, ...KEPT_NHS_CLASS_PREFIXES.map((prefix) => new RegExp(`^${prefix}`))] },
  }) as PostcssPlugin
  return {
    postcssPlugin: 'lim-huddle-unused-nhs-css',
    OnceExit(root, helpers) {
      if (!root.source?.input.file?.endsWith('/src/styles/main.scss')) return
      return purge.OnceExit?.(root, helpers)
    },
  }
}

// One config for the app and its unit/component tests, so `virtual:pwa-register/vue`
// resolves in tests exactly as it does in the build.
export default defineConfig({
  plugins: [
    vue(),
    VitePWA({
      // 'prompt': a new version waits until staff choose "Update now", so nobody loses
      // what they are typing in the middle of a huddle.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png', 'fonts/*'],
      manifest: {
        id: '/',
        name: 'LIM Huddle',
        short_name: 'Huddle',
        description: 'Daily huddle board, standard work and improvement ideas for ward teams',
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        // Any way up: wall screens are landscape, phones logging ideas are portrait.
        orientation: 'any',
        theme_color: '#005eb8',
        background_color: '#f0f4f5',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        navigateFallback: '/index.html',
        // API calls (the sync server) must never be answered from the precache.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // Without eval, for the strict Content-Security-Policy (see the file).
      { find: /^zod$/, replacement: fileURLToPath(new URL('./src/zodWithoutEval.ts', import.meta.url)) },
    ],
  },
  css: {
    postcss: { plugins: [unusedNhsCssDropped()] },
    preprocessorOptions: {
      scss: { loadPaths: ['node_modules'], quietDeps: true, silenceDeprecations: ['import'] },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Everything the first screen imports statically goes in one chunk: left to itself the
        // bundler splits it into dozens of shared chunks (one per set of screens that share a
        // module), so a cold start made ~50 requests and compressed each small file on its own.
        // Screens loaded later still get their own chunks.
        codeSplitting: {
          groups: [
            { name: 'shell', tags: ['$initial'], priority: 2 },
            // The engine behind the tiles' SPC icons, which loads as the values show, and what it imports beyond
            // the shell: one file instead of several small ones shared with the goal and trend screens (one
            // request, compressed as one). Only what the tiles need: the side panels come after the values.
            {
              name: 'board-tiles',
              test: /src[\\/]domain[\\/]trends[\\/]tileIcons\.ts$/,
              priority: 1,
            },
            // The write path, the rules a day's value is checked with and a new board's settings (db/writes.ts loads
            // them on the first save or when idle after the first screen): one file, not part of whichever lazy chunk
            // imports them first (the board's panels); and with nothing of its own left, the defaults' file would
            // take the bundler's runtime out of the shell into a file of its own, one more request before the values.
            {
              name: 'writes',
              test: /src[\\/](db[\\/]repo|domain[\\/]validation|domain[\\/]defaults)\.ts$/,
              priority: 1,
            },
            // The board's side panels (standard work, escalations, goals, ideas, actions), fetched once the tiles
            // show their values, and what they import beyond the shell and the tiles' chunk: one request.
            {
              name: 'board-panels',
              test: /src[\\/]components[\\/]board[\\/]BoardSidePanels\.vue$/,
              priority: 0,
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  test: {
    setupFiles: ['tests/setup.ts'],
    environmentOptions: { jsdom: { url: 'http://localhost/' } },
    // Two cores are shared with builds and browsers: one worker per core keeps both busy
    // while one file waits on IndexedDB, timers or PostgreSQL.
    maxWorkers: 2,
    // As the browser tests do: on CI's busy machine a test that fails once is run once more,
    // and the summary in .ci/run names any test that failed both times.
    retry: process.env.CI ? 1 : 0,
    // One project per test layer, so each gets the environment it needs and a timeout
    // that holds on a loaded machine. Creating a jsdom window costs far more than most
    // pure tests take, so only files that render or touch browser APIs pay for it: a unit
    // test that needs the DOM says so with `// @vitest-environment jsdom` at its top.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          exclude: UNIT_FILES_WITH_MODULE_MOCKS,
          // A worker loads each module once for all its files instead of once per file (about 40% of the
          // unit project's CPU time outside the convergence property): files share the app database,
          // Pinia's active store and module state, so each starts from the state it needs (resetDatabase,
          // setActivePinia in beforeEach) and leaves timers and globals as it found them. `--exclude` on
          // the command line does not reach this project; CONVERGENCE_RUNS=0 skips the longest files.
          isolate: false,
          // IndexedDB (fake-indexeddb, one per worker now) runs each request from a setImmediate: a test's fake
          // timers must leave it alone, or work queued while they are on never runs and the database it was
          // for hangs for every later file in that worker.
          fakeTimers: { toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] },
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          // vi.mock replaces a module for the files loaded after it, which a module cache shared between
          // files defeats: these files get their own.
          name: 'unit-mocks',
          environment: 'node',
          include: UNIT_FILES_WITH_MODULE_MOCKS,
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
