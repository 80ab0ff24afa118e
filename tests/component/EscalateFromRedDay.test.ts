// "Escalate" on a measure's day: offered on a red day only, linked to the measure and day.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import DayEditor from '@/components/board/DayEditor.vue'
import { db, resetDatabase } from '@/db/db'
import { addDays, formatDay, londonDay } from '@/domain/dates'
import { useActorStore } from '@/stores/actor'
import { makeEntry, makeMeasure, seedBoard } from './boardFixture'
import { accessibleName, loadCommandModules, settle } from '../helpers/dom'

beforeAll(loadCommandModules)

const today = londonDay()
const yesterday = addDays(today, -1)
const falls = makeMeasure({
  id: 'm-falls',
  name: 'Falls',
  type: 'count',
  unit: 'falls',
  direction: 'lower',
  target: 0,
  thresholds: { green: 0, red: 1 },
})

enableAutoUnmount(afterEach)

let pinia: ReturnType<typeof createPinia>
beforeEach(async () => {
  await resetDatabase()
  localStorage.clear()
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
  await seedBoard(pinia, [falls], [makeEntry(falls, yesterday, 2), makeEntry(falls, addDays(today, -2), 0)])
  useActorStore(pinia).pick('Test Nurse')
})

const mountDay = (day: string) =>
  mount(DayEditor, { props: { measure: falls, day, today }, global: { plugins: [pinia] }, attachTo: document.body })
const escalateButton = (w: ReturnType<typeof mountDay>) =>
  w.findAll('button').find((b) => accessibleName(b.element).startsWith('Escalate'))

describe('escalating from a red day', () => {
  it('is not offered on a green day', async () => {
    const w = mountDay(addDays(today, -2))
    await settle()
    expect(escalateButton(w)).toBeUndefined()
  })

  it('opens with the measure and day as the title, and links them', async () => {
    const w = mountDay(yesterday)
    await settle()
    const button = escalateButton(w)!
    expect(accessibleName(button.element)).toBe(`Escalate: Falls: red on ${formatDay(yesterday)}`)
    await button.trigger('click')
    await settle()
    const dialog = document.querySelector('dialog[open]')!
    expect((dialog.querySelector('input') as HTMLInputElement).value).toBe(`Falls: red on ${formatDay(yesterday)}`)
    const radio = dialog.querySelector('input[type="radio"][value="Safety risk"]') as HTMLInputElement
    radio.checked = true
    radio.dispatchEvent(new Event('change'))
    const reason = dialog.querySelector('textarea') as HTMLTextAreaElement
    reason.value = 'Two falls on one night: we need a second night HCA'
    reason.dispatchEvent(new Event('input'))
    await settle()
    ;[...dialog.querySelectorAll('button')].find((b) => accessibleName(b) === 'Escalate')!.click()
    await settle()
    expect(await db.escalations.toArray()).toMatchObject([
      {
        source: { table: 'measures', id: 'm-falls', day: yesterday },
        category: 'Safety risk',
        unitId: 'unit-1',
        tier: 'csu',
        raisedBy: 'Test Nurse',
      },
    ])
  })

  it('once escalated, shows where the escalation is instead of Escalate, and refuses a second one', async () => {
    await db.trusts.put({ id: 'trust-1', name: 'Trust', createdAt: '2026-01-01T08:00:00.000Z' })
    await db.csus.put({ id: 'csu-1', trustId: 'trust-1', name: 'Medicine', createdAt: '2026-01-01T08:00:00.000Z' })
    const { useOrgStore } = await import('@/stores/org')
    await useOrgStore(pinia).load()
    const { useEscalationsStore } = await import('@/stores/escalations')
    const store = useEscalationsStore(pinia)
    const board = useOrgStore(pinia).currentBoard!
    const source = { table: 'measures' as const, id: 'm-falls', day: yesterday }
    const input = { title: 'Falls', reason: 'Two falls', category: 'Safety risk' }
    await store.raise(board, input, source, 'Test Nurse')
    const w = mountDay(yesterday)
    await settle()
    expect(escalateButton(w)).toBeUndefined()
    expect(w.find('[data-testid="escalated-marker"]').text()).toBe('Escalated to the CSU: waiting to be picked up')
    await expect(store.raise(board, input, source, 'Test Nurse')).rejects.toThrow(
      'This is already escalated (Escalated to the CSU: waiting to be picked up)',
    )
    expect(await db.escalations.count()).toBe(1)
  })
})
