import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import RecordHistory from '@/components/history/RecordHistory.vue'
import { resetDatabase } from '@/db/db'
import { saveRecord } from '@/db/repo'
import type { Action } from '@/domain/types'
import { settle } from '../helpers/dom'

let wrapper: VueWrapper | undefined

beforeEach(resetDatabase)
afterEach(() => wrapper?.unmount())

const action = (id: string, title: string) =>
  ({
    id,
    unitId: 'unit-1',
    boardId: 'board-1',
    title,
    owner: 'Sam Okafor',
    dueDay: '2026-11-27',
    status: 'open',
    measureId: null,
    measureDay: null,
    conceptIds: [],
    closedAt: null,
  }) as unknown as Action

async function mountHistory(recordId: string) {
  wrapper = mount(RecordHistory, { props: { table: 'actions', recordId }, global: { plugins: [createPinia()] } })
  await settle()
  return wrapper
}

const lines = (w: VueWrapper) => w.findAll('[data-testid="history-entry"]').map((e) => e.text().replace(/\s+/g, ' '))

describe('RecordHistory', () => {
  it('lists changes newest first, in words', async () => {
    const created = await saveRecord<Action>(
      'actions',
      action('a-1', 'Chase estates'),
      'Test Nurse',
      undefined,
      new Date('2026-11-25T09:00:00Z'),
    )
    await saveRecord<Action>(
      'actions',
      { ...created, title: 'Chase estates about the sluice door', dueDay: '2026-11-30' },
      'Sam Okafor',
      undefined,
      new Date('2026-11-26T07:42:00Z'),
    )

    const w = await mountHistory('a-1')

    expect(lines(w)).toEqual([
      '26/11/2026 07:42 – Sam Okafor changed title from “Chase estates” to “Chase estates about the sluice door” and changed due date from 27/11/2026 to 30/11/2026',
      '25/11/2026 09:00 – Test Nurse created this',
    ])
  })

  it('reloads when the version changes after a save', async () => {
    const created = await saveRecord<Action>(
      'actions',
      action('a-1', 'Chase estates'),
      'Test Nurse',
      undefined,
      new Date('2026-11-25T09:00:00Z'),
    )
    const w = await mountHistory('a-1')
    expect(lines(w)).toHaveLength(1)

    const done = await saveRecord<Action>(
      'actions',
      { ...created, status: 'done', closedAt: '2026-11-26T10:00:00.000Z' },
      'Priya Natarajan',
      undefined,
      new Date('2026-11-26T10:00:00Z'),
    )
    await w.setProps({ version: done.updatedAt })
    await settle()

    expect(lines(w)[0]).toBe('26/11/2026 10:00 – Priya Natarajan changed status from Open to Done')
  })

  it('follows a different record when recordId changes', async () => {
    await saveRecord<Action>(
      'actions',
      action('a-1', 'First'),
      'Test Nurse',
      undefined,
      new Date('2026-11-25T09:00:00Z'),
    )
    await saveRecord<Action>(
      'actions',
      action('a-2', 'Second'),
      'Hannah Cole',
      undefined,
      new Date('2026-11-25T10:00:00Z'),
    )
    const w = await mountHistory('a-1')
    expect(lines(w)).toEqual(['25/11/2026 09:00 – Test Nurse created this'])

    await w.setProps({ recordId: 'a-2' })
    await settle()
    expect(lines(w)).toEqual(['25/11/2026 10:00 – Hannah Cole created this'])
  })

  it('says so when nothing has been recorded', async () => {
    const w = await mountHistory('never-saved')
    expect(w.text()).toBe('No changes recorded on this tablet yet.')
  })

  it('keeps the list short until asked for all of it', async () => {
    let record = await saveRecord<Action>(
      'actions',
      action('a-1', 'Version 0'),
      'Test Nurse',
      undefined,
      new Date('2026-11-01T09:00:00Z'),
    )
    for (let i = 1; i <= 11; i++) {
      record = await saveRecord<Action>(
        'actions',
        { ...record, title: `Version ${i}` },
        'Test Nurse',
        undefined,
        new Date(`2026-11-${String(i + 1).padStart(2, '0')}T09:00:00Z`),
      )
    }
    const w = await mountHistory('a-1')
    expect(lines(w)).toHaveLength(10)
    expect(lines(w)[0]).toContain('changed title from “Version 10” to “Version 11”')
    await w
      .findAll('button')
      .find((b) => b.text() === 'Show all 12 changes')!
      .trigger('click')
    expect(lines(w)).toHaveLength(12)
  })
})
