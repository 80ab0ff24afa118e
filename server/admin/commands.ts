// `npm run admin -- <command>`: the same service functions as the admin API, straight
// on the database, for the person who runs the server (and for a lost admin token).
import { parseArgs } from 'node:util'
import { formatInstant } from '../../src/domain/dates.ts'
import type { SyncDb } from '../db/open.ts'
import { issueCode, listCodes, revokeCode } from '../devices/codes.ts'
import { listDevices, revokeDevice, type DeviceView } from '../devices/devices.ts'
import { ServiceError } from '../devices/errors.ts'
import { createCsu, createTrust, createUnit, getOrg } from '../devices/org.ts'
import { newAdminToken } from '../devices/settings.ts'

const USAGE = `Usage: npm run admin -- <command>

  new-admin-token                         make a new admin token (the old one stops working)
  add-trust NAME                          add a trust
  add-csu TRUST_ID NAME                   add a CSU to a trust
  add-unit CSU_ID NAME [--department]     add a ward (or a department) to a CSU
  issue-code (--unit ID | --csu ID | --trust ID) [--hours 72] [--label TEXT]
                                          make a one-time enrolment code for a unit, a whole CSU or a
                                          whole trust (the improvement office: also edits the library)
  codes                                   list enrolment codes
  revoke-code ID                          stop an unused enrolment code from working
  list                                    the trusts, CSUs and units, with their ids
  devices                                 enrolled tablets and how their sync is going
  revoke-device ID                        stop a tablet syncing (it is refused from its next request)

The database is the server's: DATABASE_URL, or the SQLite file in DATA_DIR (default ./data).`

export type Print = (line: string) => void

class UsageError extends Error {}

const KIND_LABEL = { unit: 'unit', csu: 'CSU', trust: 'trust' } as const

const when = (ms: number | null) => (ms === null ? 'never' : formatInstant(new Date(ms)))

function describeDevice(device: DeviceView): string[] {
  const status =
    device.revokedAt !== null
      ? `  REVOKED ${when(device.revokedAt)}`
      : device.unsyncedOver8h
        ? '  NOT SYNCED FOR OVER 8 HOURS'
        : ''
  const waiting =
    device.pendingCount > 0
      ? `${device.pendingCount} change${device.pendingCount === 1 ? '' : 's'} waiting${device.oldestPendingAt === null ? '' : ` since ${when(device.oldestPendingAt)}`}`
      : 'nothing waiting'
  return [
    `${device.name}  (${device.id})${status}`,
    `  ${KIND_LABEL[device.scopeKind]} ${device.scopeName}; enrolled ${when(device.enrolledAt)}; last seen ${when(device.lastSeenAt)}; last synced ${when(device.lastSyncAt)}; ${waiting}`,
  ]
}

/** One positional name: the rest of the words, so quotes are optional. */
function nameFrom(words: string[], what: string): string {
  if (words.length === 0) throw new UsageError(`Give the ${what}'s name.`)
  return words.join(' ')
}

function idFrom(words: string[], what: string): string {
  const id = words[0]
  if (!id) throw new UsageError(`Give the ${what} id (see "list").`)
  return id
}

/**
 * Runs one command; returns the exit code (0 done, 1 refused, 2 not understood). A
 * refusal (unknown id, invalid name) is printed as its plain-English message.
 */
export async function runAdminCommand(
  db: SyncDb,
  argv: readonly string[],
  print: Print,
  printError: Print = print,
): Promise<number> {
  try {
    await run(db, argv, print)
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      printError(error.message)
      printError('')
      printError(USAGE)
      return 2
    }
    if (error instanceof ServiceError) {
      printError(error.message)
      return 1
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      printError((error as Error).message)
      printError(USAGE)
      return 2
    }
    throw error
  }
}

async function run(db: SyncDb, argv: readonly string[], print: Print): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      department: { type: 'boolean' },
      unit: { type: 'string' },
      csu: { type: 'string' },
      trust: { type: 'string' },
      hours: { type: 'string' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, ...words] = positionals
  if (values.help || command === 'help') {
    print(USAGE)
    return
  }
  switch (command) {
    case 'new-admin-token': {
      const token = await newAdminToken(db)
      print(`New admin token (shown once, keep it safe): ${token}`)
      print('The old admin token no longer works.')
      return
    }
    case 'add-trust': {
      const trust = await createTrust(db, { name: nameFrom(words, 'trust') })
      print(`Added trust "${trust.name}": ${trust.id}`)
      return
    }
    case 'add-csu': {
      const csu = await createCsu(db, { trustId: idFrom(words, 'trust'), name: nameFrom(words.slice(1), 'CSU') })
      print(`Added CSU "${csu.name}": ${csu.id}`)
      return
    }
    case 'add-unit': {
      const kind = values.department ? 'department' : 'ward'
      const unit = await createUnit(db, { csuId: idFrom(words, 'CSU'), name: nameFrom(words.slice(1), kind), kind })
      print(`Added ${unit.kind} "${unit.name}": ${unit.id}`)
      return
    }
    case 'issue-code':
      return issue(db, values, print)
    case 'codes': {
      const codes = await listCodes(db)
      if (codes.length === 0) print('No enrolment codes yet.')
      for (const code of codes) {
        print(
          `${code.id}  ${code.status}  ${KIND_LABEL[code.scopeKind]} ${code.scopeName}${code.label ? ` (${code.label})` : ''}; expires ${when(code.expiresAt)}`,
        )
      }
      return
    }
    case 'revoke-code': {
      const code = await revokeCode(db, idFrom(words, 'enrolment code'))
      print(`Enrolment code ${code.id} for ${code.scopeName} is now ${code.status}.`)
      return
    }
    case 'list':
      return list(db, print)
    case 'devices': {
      const devices = await listDevices(db)
      if (devices.length === 0) print('No tablets enrolled yet.')
      for (const device of devices) for (const line of describeDevice(device)) print(line)
      return
    }
    case 'revoke-device': {
      const device = await revokeDevice(db, idFrom(words, 'device'))
      print(
        `"${device.name}" was removed from ${device.scopeName}: it can no longer sync. Open connections close within a few seconds.`,
      )
      return
    }
    case undefined:
      throw new UsageError('Say which command to run.')
    default:
      throw new UsageError(`"${command}" is not a command.`)
  }
}

async function issue(
  db: SyncDb,
  values: { unit?: string; csu?: string; trust?: string; hours?: string; label?: string },
  print: Print,
): Promise<void> {
  const given = (['unit', 'csu', 'trust'] as const).filter((kind) => values[kind] !== undefined)
  const scopeKind = given[0]
  if (given.length !== 1 || scopeKind === undefined)
    throw new UsageError('Give one of --unit ID, --csu ID or --trust ID.')
  const hours = values.hours === undefined ? undefined : Number(values.hours)
  const code = await issueCode(db, {
    scopeKind,
    scopeId: values[scopeKind] as string,
    ...(hours === undefined ? {} : { expiresInHours: hours }),
    ...(values.label === undefined ? {} : { label: values.label }),
  })
  const what =
    code.scopeKind === 'unit'
      ? code.scopeName
      : code.scopeKind === 'csu'
        ? `every unit of ${code.scopeName}`
        : `the improvement office of ${code.scopeName} (every unit and CSU, and the trust library)`
  print(`Enrolment code for ${what}: ${code.code}`)
  print(`It works once, until ${when(code.expiresAt)}. It is not shown again.`)
}

async function list(db: SyncDb, print: Print): Promise<void> {
  const org = await getOrg(db)
  print(`Server id: ${org.serverId}`)
  if (org.trusts.length === 0) print('No trusts yet: start with "add-trust NAME".')
  for (const trust of org.trusts) {
    print(`Trust ${trust.name}  (${trust.id})`)
    for (const csu of org.csus.filter((c) => c.trustId === trust.id)) {
      print(`  CSU ${csu.name}  (${csu.id})`)
      for (const unit of org.units.filter((u) => u.csuId === csu.id))
        print(`    ${unit.name} [${unit.kind}]  (${unit.id})`)
    }
  }
}
