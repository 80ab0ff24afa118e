// A native date box follows the device's locale (mm/dd/yyyy on an en-US browser), so every
// date box also writes the chosen day out the UK way beside it, tied to the box for a screen reader.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import IdeaFilters from '@/components/ideas/IdeaFilters.vue'
import { emptyFilter } from '@/domain/ideasFilter'

function writtenBeside(wrapper: ReturnType<typeof mount>, input: ReturnType<ReturnType<typeof mount>['find']>) {
  const ids = (input.attributes('aria-describedby') ?? '').split(' ').filter(Boolean)
  return ids.map((id) => wrapper.find(`[id="${id}"]`).text()).join(' ')
}

describe('date boxes write the day out as dd/mm/yyyy', () => {
  it('idea filters: raised from and raised to', async () => {
    const wrapper = mount(IdeaFilters, {
      props: { modelValue: { ...emptyFilter(), from: '2026-11-03', to: '2026-12-01' }, shown: 1, total: 2 },
    })
    const [from, to] = wrapper.findAll('input[type="date"]')
    expect(writtenBeside(wrapper, from!)).toBe('03/11/2026')
    expect(writtenBeside(wrapper, to!)).toBe('01/12/2026')
    await wrapper.setProps({ modelValue: { ...emptyFilter(), from: '2026-10-28', to: '' } })
    expect(writtenBeside(wrapper, from!)).toBe('28/10/2026')
    expect(writtenBeside(wrapper, to!)).toBe('')
  })
})
