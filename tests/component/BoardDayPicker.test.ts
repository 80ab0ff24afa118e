// The past-day box follows the browser's locale (mm/dd/yyyy on an en-US browser), so the
// chosen day is also written out beside it, the UK way.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BoardDayPicker from '@/components/board/BoardDayPicker.vue'

describe('BoardDayPicker', () => {
  it('writes the chosen day out as dd/mm/yyyy beside the date box, and says so to a screen reader', async () => {
    const wrapper = mount(BoardDayPicker, { props: { modelValue: '2026-11-03', today: '2026-12-07' } })
    const input = wrapper.find('#board-day-input')
    const shown = wrapper.find(`[id="${input.attributes('aria-describedby')}"]`)
    expect(shown.text()).toBe('03/11/2026')
    await input.setValue('2026-10-28')
    await input.trigger('change')
    expect(wrapper.find(`[id="${input.attributes('aria-describedby')}"]`).text()).toBe('28/10/2026')
  })
})
