import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { historyOf } from '@/db/repo'
import type { Board, Escalation, Unit } from '@/domain/types'
import { EscalationChangedError, useEscalationsStore } from '@/stores/escalations'
import { InputError } from '@/domain/errors'
import { useOrgStore } from '@/stores/org'

const at = '2026-11-01T08:00:00.000Z'
const meta = { createdAt: at, updatedAt: at, updatedBy: 'Seed' }
const ward: Board = {
  id: 'b1',
  unitId: 'ward7',
  ...meta,
  name: 'Ward 7 board',
  categories: [],
  agenda: [],
  huddleMinutes: 15,
}
const csuBoard: Board = { ...ward, id: 'b2', unitId: 'medicine', name: 'Medicine CSU board' }
const trustBoard: Board = { ...ward, id: 'b3', unitId: 'trust1', name: 'Trust board' }
const unit: Unit = {
  id: 'ward7',
  unitId: 'ward7',
  csuId: 'medicine',
  name: 'Ward 7',
  kind: 'ward',
  people: [],
  ...meta,
}
const input = { title: 'Hoist broken', reason: 'Estates cannot come until Monday', category: 'Equipment or estates' }

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  await db.trusts.put({ id: 'trust1', name: 'Trust', createdAt: at })
  await db.csus.put({ id: 'medicine', trustId: 'trust1', name: 'Medicine', createdAt: at })
  await db.units.put(unit)
  await db.boards.bulkPut([ward, csuBoard, trustBoard])
  await useOrgStore().load()
})

async function store() {
  const escalations = useEscalationsStore()
  await escalations.load()
  return escalations
}

describe('useEscalationsStore', () => {
  it('raises from a ward to its CSU, kept in the ward scope: record, history and outbox together', async () => {
    const escalations = await store()
    const saved = await escalations.raise(ward, input, { table: 'actions', id: 'a1' }, 'Sam')
    expect(saved).toMatchObject({
      unitId: 'ward7',
      boardId: 'b1',
      tier: 'csu',
      status: 'raised',
      raisedBy: 'Sam',
      source: { table: 'actions', id: 'a1' },
    })
    expect(await db.escalations.get(saved.id)).toMatchObject({ title: 'Hoist broken' })
    const outbox = await db.outbox.where('table').equals('escalations').toArray()
    expect(outbox.map((o) => [o.unitId, o.recordId])).toEqual([['ward7', saved.id]])
    expect((await historyOf('escalations', saved.id)).map((h) => h.kind)).toEqual(['created'])
  })

  it('refuses an escalation without a reason and writes nothing', async () => {
    const escalations = await store()
    await expect(escalations.raise(ward, { ...input, reason: ' ' }, null, 'Sam')).rejects.toThrow(
      'Enter why the team cannot solve this itself',
    )
    expect(await db.escalations.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('a CSU board raises to the trust in its own scope; the trust board cannot escalate', async () => {
    const escalations = await store()
    expect(escalations.tierOf(csuBoard)).toBe('csu')
    expect(await escalations.raise(csuBoard, input, null, 'Jo')).toMatchObject({ unitId: 'medicine', tier: 'trust' })
    expect(escalations.canEscalateFrom(trustBoard)).toBe(false)
    await expect(escalations.raise(trustBoard, input, null, 'Jo')).rejects.toBeInstanceOf(InputError)
  })

  it('accepts with an owner, answers, and the ward closes it', async () => {
    const escalations = await store()
    const { id } = await escalations.raise(ward, input, null, 'Sam')
    await expect(escalations.move(id, 'accept', '', 'Jo')).rejects.toThrow('Enter who owns this')
    await escalations.move(id, 'accept', 'Jo Bloggs', 'Jo')
    await escalations.move(id, 'answer', 'Hire hoist arriving at 2pm', 'Jo')
    const closed = await escalations.move(id, 'close', '', 'Sam')
    expect(closed).toMatchObject({
      status: 'closed',
      owner: 'Jo Bloggs',
      answer: 'Hire hoist arriving at 2pm',
      answeredBy: 'Jo',
    })
    expect(escalations.escalations[0]!.status).toBe('closed')
  })

  it('answering one withdrawn meanwhile on another tablet is refused with who and when, and writes nothing', async () => {
    const escalations = await store()
    const { id } = await escalations.raise(ward, input, null, 'Sam')
    await escalations.move(id, 'accept', 'Jo', 'Jo')
    // What a pull brings: the ward withdrew it (simulated as the stored record changing under the screen).
    const stored = (await db.escalations.get(id))!
    await db.escalations.put({
      ...stored,
      status: 'withdrawn',
      statusBy: 'Sam',
      statusAt: '2026-11-26T09:12:00.000Z',
    } satisfies Escalation)
    const outboxBefore = await db.outbox.count()
    const failure = await escalations.move(id, 'answer', 'Hoist coming', 'Jo').catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(EscalationChangedError)
    expect((failure as Error).message).toMatch(
      /^This escalation was withdrawn by Ward 7 at .*09:12; your answer is kept below$/,
    )
    expect(await db.outbox.count()).toBe(outboxBefore)
    expect(escalations.escalations[0]!.status).toBe('withdrawn')
  })

  it("saves a board's categories and criteria", async () => {
    const escalations = await store()
    const saved = await escalations.setBoardSettings(
      csuBoard,
      [' Infection ', 'Other', 'Other', ''],
      ' Only what we cannot fix ',
      'Jo',
    )
    expect(saved).toMatchObject({
      escalationCategories: ['Infection', 'Other'],
      escalationCriteria: 'Only what we cannot fix',
    })
    await expect(escalations.setBoardSettings(csuBoard, [' '], '', 'Jo')).rejects.toThrow('Keep at least one category')
  })
})
