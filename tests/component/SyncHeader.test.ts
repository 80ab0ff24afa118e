// The header's sync chip, its details panel and the "texts to choose" badge and dialog.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import AppHeader from '@/components/layout/AppHeader.vue'
import { db, resetDatabase } from '@/db/db'
import { syncStateRowOf, type AppRow } from '@/db/syncRecords'
import type { Action } from '@/domain/types'
import { formatHlc } from '@/shared/sync/hlc'
import type { SyncRecord } from '@/shared/sync/protocol'
import { parseVector } from '@/shared/sync/vector'
import { useActorStore } from '@/stores/actor'
import { useConflictsStore } from '@/stores/conflicts'
import { useDeviceStore } from '@/stores/device'
import { useSyncStore } from '@/stores/sync'
import { seedBoard } from './boardFixture'
import { buttonNamed, WAIT } from '../helpers/dom'
import { labelInNameProblems } from '../helpers/labelInName'

enableAutoUnmount(afterEach)

let pinia: Pinia

beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
})

function mountHeader() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
  })
  return mount(AppHeader, { global: { plugins: [pinia, router] }, attachTo: document.body })
}

const chip = (header: ReturnType<typeof mountHeader>) => header.get('[data-testid="network-status"]')
const announced = (header: ReturnType<typeof mountHeader>) => header.get('[data-testid="sync-announcement"]')

describe('sync status in the header', () => {
  it('shows one chip, a button with an icon and words', async () => {
    const sync = useSyncStore(pinia)
    sync.lastSyncedAt = new Date().toISOString()
    const header = mountHeader()
    await flushPromises()
    expect(chip(header).element.tagName).toBe('BUTTON')
    expect(chip(header).text()).toMatch(/^Online – Synced \d\d:\d\d/)
    expect(chip(header).find('svg').exists()).toBe(true)
    expect(chip(header).attributes('data-tone')).toBe('ok')
  })

  it.each([
    ['offline', { online: false, pending: 3 }, 'Offline – 3 changes waiting to sync', 'offline'],
    ['not enrolled', { status: 'not-enrolled' }, 'Not shared: this tablet is not enrolled', 'quiet'],
    [
      'removed',
      { status: 'removed', message: 'This tablet was removed from Ward 7. Ask your manager to re-enrol it.' },
      'Not syncing – tablet removed',
      'problem',
    ],
    ['update needed', { status: 'update-needed' }, 'Update needed to sync', 'problem'],
  ] as const)('says when the tablet is %s', async (_name, state, text, tone) => {
    const sync = useSyncStore(pinia)
    const device = useDeviceStore(pinia)
    if ('online' in state) device.online = state.online
    if ('pending' in state) device.pendingChanges = state.pending
    if ('status' in state) sync.status = state.status
    if ('message' in state) sync.errorMessage = state.message
    const header = mountHeader()
    await flushPromises()
    expect(chip(header).text()).toContain(text)
    expect(chip(header).attributes('data-tone')).toBe(tone)
  })

  it("says in words when the tablet's clock is wrong, and clears once changes are no longer re-timed", async () => {
    const sync = useSyncStore(pinia)
    const header = mountHeader()
    await flushPromises()
    sync.clockSkewMs = 3 * 3_600_000
    await flushPromises()
    expect(chip(header).text()).toContain('Online – tablet clock is wrong')
    expect(chip(header).attributes('data-tone')).toBe('problem')
    expect(announced(header).text()).toContain("This tablet's clock is wrong")
    await chip(header).trigger('click')
    // The details' code is fetched when they are first opened.
    await vi.waitFor(
      () => expect(document.body.textContent).toContain("This tablet's clock is about 180 minutes fast"),
      WAIT,
    )
    // A push the server kept as stamped clears it (stores/sync.ts).
    sync.clockSkewMs = null
    await flushPromises()
    expect(chip(header).text()).not.toContain('clock')
    expect(announced(header).text()).toBe("This tablet's clock is right again.")
  })

  it('names the chip of who is using the tablet starting with its visible words', async () => {
    useActorStore(pinia).pick('Jo Bloggs')
    const header = mountHeader()
    await flushPromises()
    expect(labelInNameProblems(header.element)).toEqual([])
    expect(header.find('.app-header__actor').text()).toBe('Jo Bloggs')
  })

  it('announces going offline and coming back, but not counts or syncing', async () => {
    const sync = useSyncStore(pinia)
    const device = useDeviceStore(pinia)
    const header = mountHeader()
    await flushPromises()
    expect(announced(header).attributes('role')).toBe('status')
    expect(announced(header).text()).toBe('')
    device.pendingChanges = 2
    sync.status = 'syncing'
    await flushPromises()
    sync.status = 'idle'
    await flushPromises()
    expect(announced(header).text()).toBe('')
    device.online = false
    await flushPromises()
    expect(announced(header).text()).toBe('Offline. Changes are saved on this tablet.')
    device.pendingChanges = 3
    await flushPromises()
    expect(announced(header).text()).toBe('Offline. Changes are saved on this tablet.')
    device.online = true
    await flushPromises()
    expect(announced(header).text()).toBe('Back online.')
  })

  it('says on a removed tablet, in its own words, that its unsent changes are kept and sent once it is enrolled again', async () => {
    const sync = useSyncStore(pinia)
    useDeviceStore(pinia).pendingChanges = 3
    sync.status = 'removed'
    // A server that no longer knows the token at all says nothing about the changes.
    sync.errorMessage = 'This tablet is not enrolled with the sync server. Enrol it again in Settings.'
    const header = mountHeader()
    await chip(header).trigger('click')
    await flushPromises()
    const problem = header.get('[data-testid="sync-problem"]')
    expect(problem.text()).toContain('This tablet is not enrolled with the sync server.')
    expect(problem.get('[data-testid="removed-kept"]').text()).toBe(
      'The 3 changes made on this tablet and not yet sent are kept on it, and will be sent once it is enrolled again.',
    )
  })

  it('opens the sync details with the server\'s message and "Sync now"', async () => {
    const sync = useSyncStore(pinia)
    sync.status = 'error'
    sync.errorMessage =
      'The sync server is not available right now. Changes are kept safe on this tablet and will be sent later.'
    sync.lastSyncedAt = '2026-11-25T18:03:00.000Z'
    const syncNow = vi.spyOn(sync, 'syncNow').mockResolvedValue()
    const header = mountHeader()
    await chip(header).trigger('click')
    const details = await vi.waitFor(() => header.get('[data-testid="sync-details"]'), WAIT)
    expect(details.get('[data-testid="sync-problem"]').text()).toContain('The sync server is not available right now.')
    expect(details.get('[data-testid="last-synced"]').text()).toBe('25/11/2026 18:03')
    await buttonNamed(details, 'Sync now')!.trigger('click')
    expect(syncNow).toHaveBeenCalledOnce()
  })

  it('points an out-of-date tablet to the update prompt', async () => {
    const sync = useSyncStore(pinia)
    sync.status = 'update-needed'
    sync.errorMessage =
      'This tablet needs the latest version of LIM Huddle. Tap Update now. Changes made on this tablet are kept safe until it has updated.'
    const header = mountHeader()
    await chip(header).trigger('click')
    const problem = (await vi.waitFor(() => header.get('[data-testid="sync-problem"]'), WAIT)).text()
    expect(problem).toContain('needs the latest version')
    expect(problem).toContain('Update available')
    expect(buttonNamed(header, 'Check for an update')).toBeDefined()
  })
})

describe('texts to choose', () => {
  const node = (letter: string) => `d${letter.repeat(20)}`
  const stampA = formatHlc({ wallMs: Date.parse('2026-11-26T07:40:00Z'), counter: 0, nodeId: node('a') })
  const stampB = formatHlc({ wallMs: Date.parse('2026-11-26T07:41:00Z'), counter: 0, nodeId: node('b') })
  const created = formatHlc({ wallMs: Date.parse('2026-11-25T09:00:00Z'), counter: 0, nodeId: node('a') })

  /** An action whose title was typed differently on two tablets, as a pull stores it. */
  async function seedConflict() {
    await seedBoard(pinia)
    const action: Action = {
      id: 'action-1',
      unitId: 'unit-1',
      boardId: 'board-1',
      title: 'Sluice door: call estates',
      owner: 'Sam',
      dueDay: null,
      status: 'open',
      measureId: null,
      measureDay: null,
      conceptIds: [],
      closedAt: null,
      createdAt: '2026-11-25T09:00:00.000Z',
      updatedAt: '2026-11-26T07:41:00.000Z',
      updatedBy: 'Priya',
    }
    await db.actions.put(action)
    const { id: _id, unitId: _unit, ...fields } = action
    const record: SyncRecord = {
      table: 'actions',
      id: 'action-1',
      scope: 'unit-1',
      fields,
      clocks: Object.fromEntries(
        Object.keys(fields).map((field) => [
          field,
          field === 'title' || field.startsWith('updated') ? stampB : created,
        ]),
      ),
      conflicts: {
        title: [
          { value: 'Fix the sluice door today', hlc: stampA, by: 'Sam' },
          { value: 'Sluice door: call estates', hlc: stampB, by: 'Priya' },
        ],
      },
    }
    await db.syncState.put(syncStateRowOf(record, 3, action as unknown as AppRow))
    await useConflictsStore(pinia).refresh()
  }

  it('shows a badge with the count, and a dialog naming the record, the versions, who and when', async () => {
    await seedConflict()
    const header = mountHeader()
    await flushPromises()
    const badge = header.get('[data-testid="conflict-badge"]')
    expect(badge.text()).toBe('1 text to choose')
    expect(badge.find('svg').exists()).toBe(true)
    await badge.trigger('click')
    await vi.waitFor(() => expect(header.findAll('[data-testid="text-choice"]')).toHaveLength(1))
    const choice = header.get('[data-testid="text-choice"]')
    expect(choice.get('legend').text()).toBe('Action')
    expect(choice.findAll('label.nhsuk-radios__label').map((l) => l.text().replace(/\s+/g, ' '))).toEqual([
      'Fix the sluice door today Written by Sam on 26/11/2026 07:40',
      'Sluice door: call estates Written by Priya on 26/11/2026 07:41',
    ])
    expect((choice.get('textarea').element as HTMLTextAreaElement).value).toBe('Sluice door: call estates')
  })

  it('saves the chosen version with a base covering every version shown, and the badge goes', async () => {
    await seedConflict()
    useActorStore(pinia).pick('Jo')
    const header = mountHeader()
    await flushPromises()
    await header.get('[data-testid="conflict-badge"]').trigger('click')
    await vi.waitFor(() => expect(header.findAll('[data-testid="text-choice"]')).toHaveLength(1))
    const choice = header.get('[data-testid="text-choice"]')
    await choice.findAll('input[type="radio"]')[0]!.setValue(true)
    expect((choice.get('textarea').element as HTMLTextAreaElement).value).toBe('Fix the sluice door today')
    await choice.get('textarea').setValue('Fix the sluice door today – estates called')
    await choice.trigger('submit')
    await vi.waitFor(() => expect(header.find('[data-testid="conflict-badge"]').exists()).toBe(false), WAIT)

    expect((await db.actions.get('action-1'))?.title).toBe('Fix the sluice door today – estates called')
    const [sent] = await db.outbox.toArray()
    expect(sent!.fields.title).toBe('Fix the sluice door today – estates called')
    expect([...parseVector(sent!.textBases!.title).values()].sort()).toEqual([stampA, stampB])
    expect(header.text()).toContain('Action: wording kept.')
    expect(header.find('[data-testid="no-choices"]').exists()).toBe(true)
  })

  it('keeps what was typed and says why when the kept wording is empty', async () => {
    await seedConflict()
    useActorStore(pinia).pick('Jo')
    const header = mountHeader()
    await flushPromises()
    await header.get('[data-testid="conflict-badge"]').trigger('click')
    await vi.waitFor(() => expect(header.findAll('[data-testid="text-choice"]')).toHaveLength(1))
    await header.get('textarea').setValue('  ')
    await header.get('[data-testid="text-choice"]').trigger('submit')
    await vi.waitFor(() => expect(header.find('.nhsuk-error-message').exists()).toBe(true))
    expect(header.get('.nhsuk-error-message').text()).toContain('Enter the action, or choose one of the versions')
    expect(await db.outbox.count()).toBe(0)
  })
})
