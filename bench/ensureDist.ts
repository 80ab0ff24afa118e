// The browser benches run the built app. Build it when dist/ is missing or older than
// any file it is built from, so a bench never measures yesterday's code by accident.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const DIST_DIR = join(root, 'dist')
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

export function ensureBuilt(): void {
  const built = join(DIST_DIR, 'index.html')
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0
  const sourcesAt = Math.max(...SOURCES.map((source) => newestMtime(join(root, source))))
  if (builtAt >= sourcesAt) return
  console.log(
    builtAt ? 'dist/ is older than the sources: building the app first.' : 'No dist/: building the app first.',
  )
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`)
}

export interface DistSnapshot {
  dir: string
  dispose(): void
}

/**
 * A private copy of dist/, for a bench that runs for minutes: anything else that
 * rebuilds dist/ meanwhile (an e2e run) would swap the files under the service worker
 * and the lazy-loaded screens, and the bench would wait for a page that never loads.
 */
export function snapshotDist(): DistSnapshot {
  const dir = mkdtempSync(join(tmpdir(), 'lim-huddle-bench-dist-'))
  cpSync(DIST_DIR, dir, { recursive: true })
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const missing = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((file) => !existsSync(join(dir, file)))
  if (missing.length > 0 || !existsSync(join(dir, 'sw.js'))) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error('dist/ changed while it was being copied (something else is building it): run the bench again')
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}
