// A sync server of its own for a browser test: its own SQLite file in a temporary
// folder and its own port, so a test can kill it mid-push and start it again on the
// same data, and never shares records with the other specs' server.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SQLITE_FILENAME } from '../../server/db/config.ts'

const ADMIN_TOKEN_LINE = /Admin token[^:]*:\s*(\S+)/

export interface SyncServer {
  readonly url: string
  /** Printed by the server on its first start. */
  readonly adminToken: string
  /** Starts the server again on the same data and port (after `kill`). */
  restart(): Promise<void>
  /** SIGKILL: no graceful close, exactly like pulling the plug. */
  kill(): Promise<void>
  /** SIGTERM: the server closes its database cleanly; the data stays (for reading it, or `restart`). */
  stop(): Promise<void>
  /** The SQLite file the server keeps its data in. */
  readonly databaseFile: string
  /** Stops the server and deletes its data. */
  dispose(): Promise<void>
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

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The sync server exited (${child.exitCode}):\n${output()}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`The sync server did not start within 90 s:\n${output()}`)
}

export async function startSyncServer(): Promise<SyncServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lim-huddle-e2e-server-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess
  let output = ''

  async function launch(): Promise<void> {
    output = ''
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    await waitForHealth(url, child, () => output)
  }

  async function stop(signal: NodeJS.Signals): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill(signal)
    await exited
  }

  await launch()
  const adminToken = ADMIN_TOKEN_LINE.exec(output)?.[1]
  if (!adminToken) throw new Error(`The sync server did not print an admin token on its first start:\n${output}`)

  return {
    url,
    adminToken,
    restart: launch,
    kill: () => stop('SIGKILL'),
    stop: () => stop('SIGTERM'),
    databaseFile: join(dataDir, SQLITE_FILENAME),
    async dispose() {
      await stop('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
