import { describe, expect, it } from 'vitest'
import { HuddleDatabase } from '@/db/db'
import { putPulledStates, syncStateOf, syncStatesOfScope } from '@/db/syncStates'
import { latestVersion, meta, shippedDatabase } from './shippedSchemas'

describe('database version 14', () => {
  it("opens a version-13 database with its sync state rows as they were, and adds the pulled pages' packs", async () => {
    const old = shippedDatabase('upgrade-to-v14', 13)
    const state = {
      table: 'actions',
      id: 'a1',
      scope: 'u1',
      seq: 7,
      stamps: { '1764144000000:000000:dabc': ['title'] },
      values: {},
    }
    await old.table('syncState').put(state)
    await old.table('actions').put({ ...meta('a1'), title: 'Fix the sluice door' })
    old.close()

    const upgraded = new HuddleDatabase('upgrade-to-v14')
    await upgraded.open()
    expect(upgraded.verno).toBe(latestVersion)
    expect(await syncStateOf(upgraded, 'actions', 'a1')).toEqual(state)
    expect(await upgraded.syncStatePacks.count()).toBe(0)

    // A page of new records is packed beside the old rows; the scope lists both.
    await upgraded.transaction('rw', upgraded.syncState, upgraded.syncStatePacks, () =>
      putPulledStates(upgraded, [{ ...state, id: 'a2', seq: 8 }], new Set(['actions\u0000a1']), 1),
    )
    expect(await upgraded.syncStatePacks.count()).toBe(1)
    expect((await syncStatesOfScope(upgraded, 'u1')).map((row) => row.id)).toEqual(['a1', 'a2'])
    upgraded.close()
    await upgraded.delete()
  })
})
