// `npm start` runs this first: build once if there is no dist/ yet, so a fresh clone
// starts with one command. An existing build is served as it is (`npm run serve`
// always rebuilds).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readConfig } from './config.ts'

const { distDir } = readConfig()
// A custom DIST_DIR is someone else's build; main.ts explains if it is missing.
if (!process.env.DIST_DIR && !existsSync(join(distDir, 'index.html'))) {
  console.log('No build found: running `npm run build` first.')
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
