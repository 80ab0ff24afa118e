import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runAdminCommand } from '../../server/admin/commands.ts'
import { enrolDevice } from '../../server/devices/devices.ts'
import { isAdminToken } from '../../server/devices/settings.ts'
import { BACKENDS } from './backends.ts'
import { uniqueName } from './devices.fixtures.ts'
import { useTestDatabase } from './hooks.ts'

const run = promisify(execFile)

describe.each(BACKENDS)('admin commands on %s', (backend) => {
  const database = useTestDatabase(backend)
  const db = () => database().db

  async function admin(...argv: string[]) {
    const out: string[] = []
    const err: string[] = []
    const code = await runAdminCommand(
      db(),
      argv,
      (line) => out.push(line),
      (line) => err.push(line),
    )
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
  const idIn = (text: string) => /([0-9a-f]{8}-[0-9a-f-]{27})\s*\)?$/m.exec(text)?.[1] as string

  it('builds the organisation, issues a code, lists devices and revokes one', async () => {
    const trustName = uniqueName('Leeds Teaching Hospitals')
    const trust = await admin('add-trust', ...trustName.split(' '))
    expect(trust).toMatchObject({ code: 0, out: expect.stringMatching(new RegExp(`^Added trust "${trustName}": `)) })
    const csu = await admin('add-csu', idIn(trust.out), 'Medicine')
    expect(csu.code).toBe(0)
    const ward = await admin('add-unit', idIn(csu.out), 'Ward 7')
    expect(ward.out).toMatch(/^Added ward "Ward 7": /)
    const xray = await admin('add-unit', idIn(csu.out), 'X-ray', '--department')
    expect(xray.out).toMatch(/^Added department "X-ray": /)

    const list = await admin('list')
    expect(list.out).toContain(`Trust ${trustName}  (${idIn(trust.out)})`)
    expect(list.out).toContain(`  CSU Medicine  (${idIn(csu.out)})`)
    expect(list.out).toContain(`    Ward 7 [ward]  (${idIn(ward.out)})`)
    expect(list.out).toContain(`    X-ray [department]  (${idIn(xray.out)})`)

    const issued = await admin('issue-code', '--unit', idIn(ward.out), '--hours', '2', '--label', 'Bay tablet')
    expect(issued.code).toBe(0)
    const code = /([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})/.exec(issued.out)?.[1] as string
    expect(issued.out).toContain(`Enrolment code for Ward 7: ${code}`)
    expect((await admin('codes')).out).toMatch(/active {2}unit Ward 7 \(Bay tablet\)/)
    const csuCode = await admin('issue-code', '--csu', idIn(csu.out))
    expect(csuCode.out).toContain('Enrolment code for every unit of Medicine: ')
    const trustCode = await admin('issue-code', '--trust', idIn(trust.out))
    expect(trustCode.out).toContain(
      `Enrolment code for the improvement office of ${trustName} (every unit and CSU, and the trust library): `,
    )
    expect((await admin('codes')).out).toMatch(new RegExp(`active {2}trust ${trustName}; expires`))

    const device = await enrolDevice(db(), { code, deviceName: 'Bay tablet' })
    const devices = await admin('devices')
    expect(devices.out).toContain(`Bay tablet  (${device.deviceId})`)
    expect(devices.out).toMatch(
      /unit Ward 7; enrolled \d\d\/\d\d\/\d{4} \d\d:\d\d; last seen never; last synced never; nothing waiting/,
    )

    const revoked = await admin('revoke-device', device.deviceId)
    expect(revoked).toMatchObject({ code: 0, out: expect.stringContaining('"Bay tablet" was removed from Ward 7') })
    expect((await admin('devices')).out).toMatch(new RegExp(`Bay tablet {2}\\(${device.deviceId}\\) {2}REVOKED`))
    const row = await db()
      .selectFrom('devices')
      .select('revoked_at')
      .where('id', '=', device.deviceId)
      .executeTakeFirstOrThrow()
    expect(row.revoked_at).toBeGreaterThan(0)
  })

  it('makes a new admin token that works, and the old one stops', async () => {
    const first = await admin('new-admin-token')
    const token = /keep it safe\): (\S+)$/m.exec(first.out)?.[1] as string
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await isAdminToken(db(), token)).toBe(true)
    await admin('new-admin-token')
    expect(await isAdminToken(db(), token)).toBe(false)
  })

  it.each([
    [['add-unit', 'no-such-csu', 'Ward'], 1, 'There is no CSU with that id.'],
    [['revoke-device', 'no-such-device'], 1, 'There is no device with that id.'],
    [['add-trust', 'x'.repeat(121)], 1, 'That was not accepted (name: Names are 120 characters or fewer).'],
    [['issue-code', '--unit', 'u', '--csu', 'c'], 2, 'Give one of --unit ID, --csu ID or --trust ID.'],
    [['issue-code', '--trust', 'no-such-trust'], 1, 'There is no trust with that id.'],
    [['add-trust'], 2, "Give the trust's name."],
    [['frobnicate'], 2, '"frobnicate" is not a command.'],
    [['list', '--colour', 'red'], 2, "Unknown option '--colour'"],
    [[], 2, 'Say which command to run.'],
  ])('refuses %j with exit code %i and says why', async (argv, code, message) => {
    const result = await admin(...argv)
    expect(result.code).toBe(code)
    expect(result.err).toContain(message)
    expect(result.out).toBe('')
  })
})

describe('npm run admin (the CLI entry point)', () => {
  it('works on the SQLite file in DATA_DIR, migrating it first', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lim-huddle-cli-'))
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env, cwd: process.cwd() })
    try {
      const added = await cli('add-trust', 'Leeds Teaching Hospitals')
      expect(added.stdout).toMatch(/^Added trust "Leeds Teaching Hospitals": /)
      expect((await cli('list')).stdout).toContain('Trust Leeds Teaching Hospitals')
      const failed = await cli('revoke-device', 'nope').then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      )
      expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no device with that id.') })
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
