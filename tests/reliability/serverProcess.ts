// The real server as `npm start` runs it, in its own process: so a kill is a real kill, and a
// crash (an uncaught error) shows as the process exiting.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))

export interface ServerProcess {
  readonly url: string
  /** Alive: started and not exited. */
  alive(): boolean
  /** Everything it printed (stdout and stderr), and how it exited if it did. */
  output(): string
  /** SIGKILL, like pulling the plug. */
  kill(): Promise<void>
  /** Starts it again on the same database and port. */
  start(): Promise<void>
  /** SIGTERM and wait. */
  stop(): Promise<void>
  /** Times it exited without being asked to. */
  readonly crashes: number
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** A stand-in for the built app: the API is what is tested, and a build takes a minute. */
function emptyDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'lim-huddle-reliability-dist-'))
  mkdirSync(dist, { recursive: true })
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>LIM Huddle</title>')
  return dist
}

export async function waitUntilReady(url: string, alive: () => boolean, timeoutMs = 30_000): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (!alive()) throw new Error('The server exited while starting')
    try {
      const res = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) return Date.now() - started
    } catch {
      // Not listening yet, or the database not back yet: keep asking.
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`The server was not ready within ${timeoutMs / 1000} s`)
}

export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const dist = emptyDist()
  let child: ChildProcess | undefined
  let log = ''
  let expectingExit = false
  let crashes = 0

  async function start(): Promise<void> {
    expectingExit = false
    const current = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: projectRoot,
      env: { ...process.env, LOG_LEVEL: 'error', ...env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: dist },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = current
    current.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    current.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    current.on('exit', (code, signal) => {
      log += `\n[exited: ${signal ?? code}]\n`
      if (!expectingExit) crashes++
    })
    await waitUntilReady(url, () => current.exitCode === null && current.signalCode === null)
  }

  function exited(): Promise<void> {
    const current = child
    if (!current || current.exitCode !== null || current.signalCode !== null) return Promise.resolve()
    return new Promise((resolve) => current.once('exit', () => resolve()))
  }

  await start()
  return {
    url,
    alive: () => child !== undefined && child.exitCode === null && child.signalCode === null,
    output: () => log,
    get crashes() {
      return crashes
    },
    async kill() {
      expectingExit = true
      const done = exited()
      child?.kill('SIGKILL')
      await done
    },
    start,
    async stop() {
      expectingExit = true
      const done = exited()
      child?.kill('SIGTERM')
      await done
      rmSync(dist, { recursive: true, force: true })
    },
  }
}
