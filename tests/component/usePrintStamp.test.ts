import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { usePrintStamp } from '@/composables/usePrintStamp'
import { formatInstant } from '@/domain/dates'

let wrapper: VueWrapper | undefined

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-26T10:00:00Z'))
  vi.spyOn(window, 'print').mockImplementation(() => {})
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function mountSheet(beforePrint?: () => void) {
  const Sheet = defineComponent({
    setup() {
      const { printedAt, print } = usePrintStamp(beforePrint)
      return () => [
        h('p', `Printed ${formatInstant(printedAt.value)}`),
        h('button', { onClick: () => void print() }, 'Print'),
      ]
    },
  })
  wrapper = mount(Sheet)
  return wrapper
}

describe('usePrintStamp', () => {
  it('stamps the sheet when the Print button is tapped, not when the page opened', async () => {
    const beforePrint = vi.fn()
    const w = mountSheet(beforePrint)
    expect(w.text()).toContain('Printed 26/11/2026 10:00')

    vi.setSystemTime(new Date('2026-11-26T10:42:00Z'))
    await w.find('button').trigger('click')
    await vi.waitFor(() => expect(window.print).toHaveBeenCalledOnce())
    expect(beforePrint).toHaveBeenCalledOnce()
    expect(w.text()).toContain('Printed 26/11/2026 10:42')
  })

  it("stamps the sheet on the browser's own Print, and stops listening once the page is left", async () => {
    const beforePrint = vi.fn()
    const w = mountSheet(beforePrint)

    vi.setSystemTime(new Date('2026-11-26T11:15:00Z'))
    window.dispatchEvent(new Event('beforeprint'))
    await w.vm.$nextTick()
    expect(w.text()).toContain('Printed 26/11/2026 11:15')
    expect(beforePrint).toHaveBeenCalledOnce()

    w.unmount()
    wrapper = undefined
    window.dispatchEvent(new Event('beforeprint'))
    expect(beforePrint).toHaveBeenCalledOnce()
  })
})
