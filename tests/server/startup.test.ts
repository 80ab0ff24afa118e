// A server that cannot start says why in one plain line naming the file or setting to fix, and
// exits: no stack trace. And once it runs, /api/ready tells a database that answers from one
// that does not, while /api/health only says the process is up.
import { spawn } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NOT_READY_MESSAGE } from '../../server/api/health.ts'
import { SQLITE_FILENAME } from '../../server/db/config.ts'
import { StartupError } from '../../server/startupErrors.ts'
import { startServer, stopServer } from '../../server/startup.ts'
import { BACKENDS } from './backends.ts'
import { useTestServer } from './hooks.ts'

const root = mkdtempSync(join(tmpdir(), 'lim-huddle-start-'))
const dist = join(root, 'dist')
const quiet = () => undefined

function folder(name: string): string {
  const path = join(root, name)
  mkdirSync(path, { recursive: true })
  return path
}

/** A migrated, working database file to copy and break. */
async function goodDatabase(): Promise<string> {
  const dataDir = folder(`good-${Math.random().toString(36).slice(2)}`)
  const running = await startServer({ DIST_DIR: dist, PORT: '0', DATA_DIR: dataDir }, quiet)
  await stopServer(running)
  return join(dataDir, SQLITE_FILENAME)
}

const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ DIST_DIR: dist, PORT: '0', ...extra })

async function startFailure(extra: NodeJS.ProcessEnv): Promise<string> {
  const failure = await startServer(env(extra), quiet).then(
    async (running) => {
      await stopServer(running)
      throw new Error('The server started')
    },
    (error: unknown) => error,
  )
  expect(failure).toBeInstanceOf(StartupError)
  const message = (failure as StartupError).message
  expect(message).not.toContain('\n')
  return message
}

beforeAll(() => {
  mkdirSync(dist, { recursive: true })
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>test</title>')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('start-up failures', () => {
  let busyPort: Server

  beforeAll(async () => {
    busyPort = createServer()
    await new Promise<void>((resolve) => busyPort.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => new Promise<void>((resolve) => busyPort.close(() => resolve())))

  it.each([
    ['a PORT that is not a port', { PORT: 'eighty' }, /^PORT must be a whole number/],
    ['a TRUST_PROXY that is not an address', { TRUST_PROXY: '10.0.0.300' }, /^TRUST_PROXY must be/],
    ['a DATABASE_URL for another database', { DATABASE_URL: 'mysql://db/huddle' }, /^DATABASE_URL must start/],
    ['no built app', { DIST_DIR: '/nonexistent/dist' }, /^No built app in \/nonexistent\/dist\/\. Run `npm run build`/],
    [
      'a DATA_DIR that cannot be a folder',
      { DATA_DIR: '/dev/null/data' },
      /^The data folder \/dev\/null\/data cannot be created or written \(ENOTDIR.*Set DATA_DIR/,
    ],
    [
      'a PostgreSQL nobody listens on',
      { DATABASE_URL: 'postgres://huddle:secret@127.0.0.1:1/huddle' },
      /^Could not use the database in DATABASE_URL \(PostgreSQL 127\.0\.0\.1:1\/huddle\): connect ECONNREFUSED/,
    ],
  ])('%s', async (_what, extra, expected) => {
    const message = await startFailure(extra)
    expect(message).toMatch(expected)
    expect(message).not.toContain('secret')
  })

  it('a port already in use names HOST and PORT', async () => {
    const address = busyPort.address()
    const port = typeof address === 'object' && address ? address.port : 0
    expect(await startFailure({ DATA_DIR: folder('busy'), PORT: String(port) })).toMatch(
      new RegExp(`^Could not start LIM Huddle on 127\\.0\\.0\\.1:${port} \\(HOST, PORT\\): listen EADDRINUSE`),
    )
  })

  it('a file that is not a database', async () => {
    const dataDir = folder('garbage')
    writeFileSync(join(dataDir, SQLITE_FILENAME), Buffer.alloc(8192, 0x5a))
    expect(await startFailure({ DATA_DIR: dataDir })).toBe(
      `The SQLite file ${join(dataDir, SQLITE_FILENAME)} is damaged or is not a LIM Huddle database (file is not a database). Restore it from a backup, or move it aside to start with an empty one.`,
    )
  })

  it('a database damaged inside, which opens but fails quick_check', async () => {
    const dataDir = folder('damaged')
    const file = join(dataDir, SQLITE_FILENAME)
    copyFileSync(await goodDatabase(), file)
    // Fill a table with rows, then overwrite the middle of one of its pages.
    const sqlite = new SqliteDatabase(file)
    sqlite.pragma('journal_mode = DELETE')
    sqlite.exec(`create table filler(x);
      with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000)
      insert into filler select printf('%0200d', i) from n`)
    const pageSize = Number(sqlite.pragma('page_size', { simple: true }))
    const pages = Number(sqlite.pragma('page_count', { simple: true }))
    sqlite.close()
    const fd = openSync(file, 'r+')
    // The last pages are the filler table's (leaf pages, then its interior page).
    writeSync(fd, Buffer.alloc(pageSize - 200, 0xff), 0, pageSize - 200, (pages - 3) * pageSize + 100)
    closeSync(fd)
    expect(await startFailure({ DATA_DIR: dataDir })).toMatch(
      new RegExp(
        `^The SQLite file ${file.replace(/[.]/g, '\\.')} is damaged \\(quick_check: .+\\)\\. Restore it from a backup`,
      ),
    )
  })
})

/** Runs `npm start`'s entry point as it is run, and collects what it prints. */
function runMain(extra: NodeJS.ProcessEnv, asNobody = false): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, ...env(extra), HOME: root },
      stdio: ['ignore', 'ignore', 'pipe'],
      // As root every file is writable: run as nobody so file permissions apply.
      ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stderr }))
  })
}

describe('npm start', () => {
  const asRoot = process.getuid?.() === 0

  it('prints one line and exits 1 for a read-only database file (no stack trace)', { timeout: 30_000 }, async () => {
    const dataDir = folder('read-only')
    const file = join(dataDir, SQLITE_FILENAME)
    copyFileSync(await goodDatabase(), file)
    chmodSync(file, 0o444)
    // The folder stays writable (SQLite's journal files), so only the file refuses writes.
    chmodSync(dataDir, 0o777)
    chmodSync(root, 0o755)
    const { code, stderr } = await runMain({ DATA_DIR: dataDir }, asRoot)
    expect(code).toBe(1)
    expect(stderr.trimEnd().split('\n')).toEqual([
      `The SQLite file ${file} is read-only (attempt to write a readonly database). Make it, and its folder ${dataDir} (DATA_DIR), writable by the server's user.`,
    ])
  })

  it('prints one line and exits 1 for a DATA_DIR it may not write (no stack trace)', { timeout: 30_000 }, async () => {
    const locked = folder('locked')
    chmodSync(locked, 0o555)
    chmodSync(root, 0o755)
    const { code, stderr } = await runMain({ DATA_DIR: join(locked, 'data') }, asRoot)
    expect(code).toBe(1)
    expect(stderr.trimEnd().split('\n')).toEqual([
      `The data folder ${join(locked, 'data')} cannot be created or written (EACCES: permission denied, mkdir '${join(locked, 'data')}'). Set DATA_DIR to a folder the server's user can write to.`,
    ])
  })
})

describe.each(BACKENDS)('readiness on %s', (backend) => {
  const running = useTestServer(backend)
  const get = (url: string) => running().server.app.inject({ method: 'GET', url })

  it('is ready while the database answers, and not ready (503) once it fails, while health stays ok', async () => {
    expect((await get('/api/ready')).json()).toEqual({ ready: true, version: 'test' })
    // A table every request uses disappears: the same as a damaged file or a lost schema.
    await sql`drop table scopes`.execute(running().test.db)
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    const ready = await get('/api/ready')
    expect(ready.statusCode).toBe(503)
    expect(ready.headers['cache-control']).toBe('no-store')
    expect(ready.json()).toEqual({ ready: false, version: 'test', error: 'not-ready', message: NOT_READY_MESSAGE })
    // Nothing about the database's insides reaches whoever asked.
    expect(ready.body).not.toContain('scopes')
    const health = await get('/api/health')
    expect(health.statusCode).toBe(200)
    expect(health.json()).toEqual({ ok: true, version: 'test' })
  })
})
