import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { resetDatabase } from '@/db/db'
import { saveRecord } from '@/db/repo'
import type { Action } from '@/domain/types'
import { useDeviceStore } from '@/stores/device'

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
})

describe('useDeviceStore', () => {
  it('counts changes waiting to sync as they are saved', async () => {
    const device = useDeviceStore()
    const stop = device.watchPending()
    await vi.waitFor(() => expect(device.pendingChanges).toBe(0))
    await saveRecord<Action>(
      'actions',
      {
        id: 'a1',
        unitId: 'u1',
        boardId: 'b1',
        title: 'Fix door',
        owner: 'Sam',
        dueDay: null,
        status: 'open',
        measureId: null,
        measureDay: null,
        conceptIds: [],
        closedAt: null,
      },
      'Sam',
    )
    await vi.waitFor(() => expect(device.pendingChanges).toBe(1))
    stop()
  })
})
