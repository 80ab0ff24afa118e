import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import NotSentCard from '@/components/sync/NotSentCard.vue'
import { db, resetDatabase, type NotSentEntry } from '@/db/db'

function row(mutationId: string, title: string): NotSentEntry {
  return {
    mutationId,
    entry: {
      mutationId,
      table: 'actions',
      recordId: `a-${mutationId}`,
      unitId: 'ward-7',
      op: 'put',
      fields: { title, status: 'open' },
      at: '2026-11-26T08:05:00.000Z',
      by: 'Sam',
      hlc: '1764144300000:000000:tablet',
    },
    error: 'record-too-large',
    message: 'This change would make the record larger than the sync server allows, so it was not saved there.',
    setAsideAt: `2026-11-26T08:0${mutationId}:00.000Z`,
  }
}

beforeEach(async () => {
  setActivePinia(createPinia())
  await resetDatabase()
})
afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

async function mountCard() {
  const wrapper = mount(NotSentCard, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.text()).not.toContain('Checking…'))
  return wrapper
}

describe('NotSentCard', () => {
  it('says when every change could be sent', async () => {
    const wrapper = await mountCard()
    expect(wrapper.get('[data-testid="not-sent-empty"]').text()).toBe('Every change made here could be sent.')
  })

  it('lists set-aside changes with why, copies them all and discards one or all', async () => {
    await db.notSent.bulkPut([row('1', 'Fix the sluice door'), row('2', 'Order more gloves')])
    const wrapper = await mountCard()
    await vi.waitFor(() => expect(wrapper.text()).toContain('2 changes could not be sent'))
    const items = wrapper.findAll('[data-testid="not-sent-entries"] li').map((item) => item.text())
    expect(items[0]).toContain('An action: title "Order more gloves"')
    expect(items[0]).toContain('26/11/2026 08:05, Sam')
    expect(items[0]).toContain('larger than the sync server allows')

    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await wrapper.get('button:not(.not-sent__discard)').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledOnce()
    expect(String((writeText.mock.calls[0] as unknown[])[0])).toContain('Fix the sluice door')
    expect(wrapper.get('[data-testid="not-sent-status"]').text()).toMatch(/^Copied/)

    await wrapper.findAll('.not-sent__discard')[0]!.trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain('1 change could not be sent'))
    expect(await db.notSent.count()).toBe(1)
    const discardAll = wrapper.findAll('button').find((button) => button.text() === 'Discard them all')!
    await discardAll.trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="not-sent-empty"]').exists()).toBe(true))
    expect(await db.notSent.count()).toBe(0)
  })
})
