import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ErrorLogCard from '@/components/settings/ErrorLogCard.vue'
import { clearErrorLog, errorLogEntries, logError } from '@/db/errorLog'
import { WAIT } from '../helpers/dom'

beforeEach(async () => {
  await clearErrorLog()
})
afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
}

async function mountCard() {
  const wrapper = mount(ErrorLogCard, { attachTo: document.body })
  await vi.waitFor(() => expect(wrapper.text()).not.toContain('Checking…'), WAIT)
  return wrapper
}

describe('ErrorLogCard', () => {
  it('says when the tablet has noted no problems', async () => {
    const wrapper = await mountCard()
    expect(wrapper.get('[data-testid="error-log-empty"]').text()).toBe('No problems noted on this tablet.')
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('lists problems as they are noted, newest first, with UK times and repeats', async () => {
    const wrapper = await mountCard()
    await logError(new Error('Older fault'), 'page', new Date(Date.UTC(2026, 10, 26, 7, 42)))
    await logError(new Error('Storage full'), 'save', new Date(Date.UTC(2026, 10, 26, 8, 5)))
    await logError(new Error('Storage full'), 'save', new Date(Date.UTC(2026, 10, 26, 8, 5, 30)))
    await vi.waitFor(() => expect(wrapper.text()).toContain('2 times'), WAIT)
    const items = wrapper.findAll('li').map((item) => item.text())
    expect(items[0]).toMatch(/^26\/11\/2026 08:05\s+save, 2 times\s+Error: Storage full$/)
    expect(items[1]).toMatch(/^26\/11\/2026 07:42\s+page\s+Error: Older fault$/)
    expect(wrapper.get('[data-testid="error-log-summary"]').text()).toMatch(/^3 problems noted/)
  })

  it('copies the whole log for IT', async () => {
    await logError(new Error('Could not open storage'), 'page')
    const writeText = vi.fn(async () => undefined)
    stubClipboard(writeText)
    const wrapper = await mountCard()
    await wrapper.get('button:first-of-type').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('Error: Could not open storage'))
    expect(wrapper.get('[data-testid="error-log-status"]').text()).toMatch(/^Copied\./)
  })

  it('shows the text to copy by hand when the browser will not copy it', async () => {
    await logError(new Error('Could not open storage'), 'page')
    stubClipboard(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')))
    const wrapper = await mountCard()
    await wrapper.findAll('button')[0]?.trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="error-log-status"]').text()).toContain('Select the text below and copy it')
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toContain('Could not open storage')
  })

  it('clears the log', async () => {
    await logError(new Error('Old news'), 'page')
    const wrapper = await mountCard()
    await wrapper.findAll('button')[1]?.trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="error-log-empty"]').exists()).toBe(true), WAIT)
    expect(await errorLogEntries()).toEqual([])
  })
})
