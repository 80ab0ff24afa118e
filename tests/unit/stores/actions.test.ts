import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { useActionsStore } from '@/stores/actions'

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
})

async function store() {
  const actions = useActionsStore()
  await actions.load('b1', 'u1')
  actions.today = '2026-11-26'
  return actions
}

describe('useActionsStore', () => {
  it('adds an action and flags it overdue once its date passes', async () => {
    const actions = await store()
    await actions.add({ title: 'Chase estates', owner: 'Sam', dueDay: '2026-11-25' }, 'Sam')
    await actions.add({ title: 'Restock mats', owner: 'Priya', dueDay: '2026-11-26' }, 'Sam')
    expect(actions.overdueCount).toBe(1)
    expect(actions.dueNow.map((a) => a.title)).toEqual(['Chase estates', 'Restock mats'])
    expect(await db.actions.count()).toBe(2)
  })

  it('refuses an empty title with a plain message', async () => {
    const actions = await store()
    await expect(actions.add({ title: ' ', owner: 'Sam', dueDay: null }, 'Sam')).rejects.toThrow(
      'Enter what needs doing',
    )
    expect(await db.actions.count()).toBe(0)
  })

  it('marks done, and reopens', async () => {
    const actions = await store()
    const a = await actions.add({ title: 'Chase estates', owner: 'Sam', dueDay: null }, 'Sam')
    await actions.setStatus(a.id, 'done', 'Sam')
    expect(actions.closed.map((x) => x.id)).toEqual([a.id])
    expect((await db.actions.get(a.id))!.closedAt).not.toBeNull()
    await actions.setStatus(a.id, 'open', 'Priya')
    expect(actions.open.map((x) => x.id)).toEqual([a.id])
    expect((await db.actions.get(a.id))!).toMatchObject({ closedAt: null, updatedBy: 'Priya' })
  })
})
