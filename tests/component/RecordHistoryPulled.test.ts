// A record's history shows changes pulled from another tablet, saying so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import RecordHistory from '@/components/history/RecordHistory.vue'
import { db, resetDatabase } from '@/db/db'
import { pulledHistory } from '@/db/pulledHistory'
import { formatHlc } from '@/shared/sync/hlc'
import type { SyncRecord } from '@/shared/sync/protocol'
import { settle } from '../helpers/dom'

let wrapper: VueWrapper | undefined

beforeEach(resetDatabase)
afterEach(() => wrapper?.unmount())

const stamp = (iso: string, node: string) =>
  formatHlc({ wallMs: Date.parse(iso), counter: 0, nodeId: `d${node.repeat(20)}` })
const before = {
  id: 'a-1',
  unitId: 'unit-1',
  boardId: 'b-1',
  title: 'Chase estates',
  owner: 'Sam',
  status: 'open',
  updatedBy: 'Sam',
}

describe('RecordHistory with pulled changes', () => {
  it('says which changes were made on another tablet, by whom, with the field changes', async () => {
    const at = '2026-11-26T07:42:00.000Z'
    const record: SyncRecord = {
      table: 'actions',
      id: 'a-1',
      scope: 'unit-1',
      fields: { title: 'Chase estates', owner: 'Priya', status: 'done', updatedAt: at, updatedBy: 'Priya' },
      clocks: {
        title: stamp('2026-11-25T09:00:00Z', 'a'),
        owner: stamp(at, 'b'),
        status: stamp(at, 'b'),
        updatedAt: stamp(at, 'b'),
        updatedBy: stamp(at, 'b'),
      },
    }
    const after = { ...before, owner: 'Priya', status: 'done', updatedBy: 'Priya' }
    await db.history.bulkAdd(pulledHistory('actions', before, after, record))
    wrapper = mount(RecordHistory, {
      props: { table: 'actions', recordId: 'a-1' },
      global: { plugins: [createPinia()] },
    })
    await settle()
    expect(wrapper.findAll('[data-testid="history-entry"]').map((e) => e.text().replace(/\s+/g, ' '))).toEqual([
      '26/11/2026 07:42 – Changed on another tablet by Priya: owner from Sam to Priya and status from Open to Done',
    ])
  })

  it('records nothing when the pull leaves the record as it was on screen', () => {
    const record: SyncRecord = {
      table: 'actions',
      id: 'a-1',
      scope: 'unit-1',
      fields: { title: 'Chase estates' },
      clocks: { title: stamp('2026-11-25T09:00:00Z', 'a') },
    }
    expect(pulledHistory('actions', before, { ...before }, record)).toEqual([])
  })
})
