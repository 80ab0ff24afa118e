import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { buildApp } from './app.ts'
import { publicUrl, readConfig } from './config.ts'

const config = readConfig()

if (!existsSync(join(config.distDir, 'index.html'))) {
  const shown = relative(process.cwd(), config.distDir)
  console.error(`No built app in ${shown.startsWith('..') ? config.distDir : shown}/. Run \`npm run build\` first.`)
  process.exit(1)
}

const app = await buildApp({
  distDir: config.distDir,
  version: config.version,
  logger: { level: process.env.LOG_LEVEL ?? 'warn' },
})

try {
  await app.listen({ host: config.host, port: config.port })
} catch (error) {
  console.error(`Could not start LIM Huddle on ${config.host}:${config.port}: ${(error as Error).message}`)
  process.exit(1)
}

const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : config.port
console.log(`LIM Huddle on ${publicUrl(config.host, port)}${config.host === '0.0.0.0' ? ' (and on this machine\'s network address)' : ''}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0))
  })
}
