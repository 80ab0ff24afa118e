import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as ids from '@/domain/ids'
import { db, resetDatabase } from '@/db/db'
import { historyOf, saveRecord, saveRecords } from '@/db/repo'
import type { Action } from '@/domain/types'

const action = (over: Partial<Action> = {}) => ({
  id: 'a1',
  unitId: 'u1',
  boardId: 'b1',
  title: 'Fix the sluice door',
  owner: 'Sam',
  dueDay: null,
  status: 'open' as const,
  measureId: null,
  measureDay: null,
  conceptIds: [],
  closedAt: null,
  ...over,
})

beforeEach(resetDatabase)

describe('saveRecord: a change, its history and its outbox entry land together', () => {
  it('creates a record with bookkeeping, a "created" history entry and an outbox entry', async () => {
    const saved = await saveRecord<Action>('actions', action(), 'Sam', undefined, new Date('2026-11-26T07:30:00Z'))
    expect(saved).toMatchObject({
      createdAt: '2026-11-26T07:30:00.000Z',
      updatedAt: '2026-11-26T07:30:00.000Z',
      updatedBy: 'Sam',
    })
    expect(await db.actions.get('a1')).toEqual(saved)
    const [history] = await historyOf('actions', 'a1')
    expect(history).toMatchObject({ kind: 'created', by: 'Sam', unitId: 'u1' })
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ table: 'actions', recordId: 'a1', unitId: 'u1', op: 'put', by: 'Sam' })
    expect(outbox[0]!.fields).toMatchObject({ title: 'Fix the sluice door', createdAt: '2026-11-26T07:30:00.000Z' })
  })

  it('records only the changed fields on update, and keeps createdAt', async () => {
    await saveRecord<Action>('actions', action(), 'Sam', undefined, new Date('2026-11-26T07:30:00Z'))
    const saved = await saveRecord<Action>(
      'actions',
      action({ status: 'done' }),
      'Priya',
      undefined,
      new Date('2026-11-26T09:00:00Z'),
    )
    expect(saved.createdAt).toBe('2026-11-26T07:30:00.000Z')
    expect(saved.updatedBy).toBe('Priya')
    const [latest] = await historyOf('actions', 'a1')
    expect(latest).toMatchObject({
      kind: 'updated',
      by: 'Priya',
      changes: [{ field: 'status', from: 'open', to: 'done' }],
    })
    const outbox = await db.outbox.orderBy('seq').toArray()
    expect(Object.keys(outbox[1]!.fields).sort()).toEqual(['status', 'updatedAt', 'updatedBy'])
  })

  it('writes nothing when nothing changed', async () => {
    await saveRecord<Action>('actions', action(), 'Sam')
    await saveRecord<Action>('actions', action(), 'Priya')
    expect(await db.outbox.count()).toBe(1)
    expect(await db.history.count()).toBe(1)
    expect((await db.actions.get('a1'))!.updatedBy).toBe('Sam')
  })

  it('rolls back the record when the outbox write fails (nothing half-saved)', async () => {
    await db.outbox.add({
      mutationId: 'clash',
      table: 'actions',
      recordId: 'x',
      unitId: 'u1',
      op: 'put',
      fields: {},
      at: '',
      by: '',
      hlc: '1764142200000:000000:dtest',
    })
    // Force the outbox's unique mutationId to clash so the transaction aborts.
    const spy = vi.spyOn(ids, 'newId').mockReturnValue('clash')
    await expect(saveRecord<Action>('actions', action(), 'Sam')).rejects.toThrow()
    spy.mockRestore()
    expect(await db.actions.get('a1')).toBeUndefined()
    expect(await db.history.count()).toBe(0)
  })

  it('saveRecords writes several records in one transaction', async () => {
    await saveRecords(
      [
        { table: 'actions', record: action({ id: 'a1' }) },
        { table: 'actions', record: action({ id: 'a2' }) },
      ],
      'Sam',
    )
    expect(await db.actions.count()).toBe(2)
    expect(await db.outbox.count()).toBe(2)
  })
})
