// Builds the empty same-stack app (bench/emptyApp) with the app's own vite.config.ts into a
// temporary directory, so the benches compare against a baseline built the same way.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const root = fileURLToPath(new URL('../..', import.meta.url))

export interface BuiltApp {
  dir: string
  dispose(): void
}

export async function buildEmptyApp(): Promise<BuiltApp> {
  const dir = mkdtempSync(join(tmpdir(), 'lim-huddle-empty-app-'))
  await build({
    configFile: join(root, 'vite.config.ts'),
    root: join(root, 'bench/emptyApp'),
    // No public/ files: the baseline has no icons or fonts to precache.
    publicDir: false,
    logLevel: 'error',
    build: { outDir: dir, emptyOutDir: true },
  })
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}
