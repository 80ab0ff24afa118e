// The NHS character count: shown as it is typed, announced politely once typing pauses.
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import CharacterCount from '@/components/common/CharacterCount.vue'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('CharacterCount', () => {
  it('shows what is left at once and announces it only after a pause in typing', async () => {
    const wrapper = mount(CharacterCount, { props: { id: 'reason', text: '', max: 500 } })
    const shown = () => wrapper.get('[data-testid="character-count"]')
    const announced = () => wrapper.get('[data-testid="character-count-announced"]')
    expect(shown().text()).toBe('You have 500 characters remaining')
    expect(shown().attributes('aria-hidden')).toBe('true')
    expect(announced().attributes('aria-live')).toBe('polite')
    expect(wrapper.get('#reason-info').text()).toBe('You can enter up to 500 characters')

    for (const text of ['F', 'Fi', 'Fir', 'Fire']) {
      await wrapper.setProps({ text })
      vi.advanceTimersByTime(300)
    }
    expect(shown().text()).toBe('You have 496 characters remaining')
    expect(announced().text()).toBe('')
    vi.advanceTimersByTime(1000)
    await wrapper.vm.$nextTick()
    expect(announced().text()).toBe('You have 496 characters remaining')

    await wrapper.setProps({ text: 'a'.repeat(502) })
    expect(shown().text()).toBe('You have 2 characters too many')
    expect(shown().classes()).toContain('nhsuk-error-message')
  })
})
