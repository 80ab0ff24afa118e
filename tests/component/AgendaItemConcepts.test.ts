import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import AgendaItemFields from '@/components/huddle/AgendaItemFields.vue'
import { AGENDA_KIND_LABEL } from '@/domain/defaults'
import type { AgendaDraftItem } from '@/domain/huddle'

describe('an agenda item links to LIM concepts', () => {
  it('toggles a concept from the picker into the item, and shows how many are linked', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    let item: AgendaDraftItem = { id: 'a1', title: 'Safety', kind: 'safety', minutes: '2', seconds: '0' }
    const wrapper = mount(AgendaItemFields, {
      props: {
        item,
        number: 1,
        idPrefix: 'agenda-',
        kindLabels: AGENDA_KIND_LABEL,
        first: true,
        last: true,
        'onUpdate:item': (next: AgendaDraftItem) => {
          item = next
          void wrapper.setProps({ item: next })
        },
      },
      global: { plugins: [pinia] },
    })
    expect(wrapper.find('summary').text()).toBe('LIM concepts this item practises (0)')
    await wrapper.find('input[type="search"]').setValue('safety cross')
    const chip = wrapper.findAll('button.concept-chip').find((b) => b.text().includes('Safety cross'))!
    await chip.trigger('click')
    expect(item.conceptIds).toEqual(['safety-cross'])
    expect(wrapper.find('summary').text()).toBe('LIM concepts this item practises (1)')
    expect(item.title).toBe('Safety')
  })
})
