import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import MeasureTiles from '@/components/huddle/MeasureTiles.vue'
import type { Measure } from '@/domain/types'

function measure(i: number): Measure {
  return {
    id: `m-${i}`,
    unitId: 'u',
    boardId: 'b',
    categoryId: 'quality',
    name: `Measure ${i}`,
    type: 'count',
    unit: 'falls',
    direction: 'lower',
    target: 0,
    thresholds: null,
    description: '',
    conceptIds: [],
    order: i,
    archived: false,
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
  }
}

describe('MeasureTiles on the huddle screen', () => {
  it('shows eight at a time with "More measures (2 of 3)" buttons', async () => {
    const wrapper = mount(MeasureTiles, {
      props: { measures: Array.from({ length: 19 }, (_, i) => measure(i + 1)), day: '2026-11-25', emptyText: 'None' },
      global: { plugins: [createPinia()] },
    })
    const names = () => wrapper.findAll('.measure-tile h3').map((h) => h.text())
    expect(names()).toHaveLength(8)
    expect(names()[0]).toBe('Measure 1')
    expect(wrapper.text()).toContain('Yesterday, 25/11/2026 – showing 1 to 8 of 19')
    // Nothing recorded: the dashed "Not recorded" badge and a dash, never a blank tile.
    expect(wrapper.find('.measure-tile').attributes('data-status')).toBe('missing')
    expect(wrapper.find('.measure-tile').text()).toContain('Not recorded')

    await wrapper.find('button').trigger('click')
    expect(names()[0]).toBe('Measure 9')
    expect(wrapper.find('button').text()).toBe('More measures (3 of 3)')
    await wrapper.find('button').trigger('click')
    expect(names()).toEqual(['Measure 17', 'Measure 18', 'Measure 19'])
    expect(wrapper.find('button').text()).toBe('First measures (1 of 3)')
    await wrapper.find('button').trigger('click')
    expect(names()[0]).toBe('Measure 1')
  })

  it('has no pager for eight or fewer', () => {
    const wrapper = mount(MeasureTiles, {
      props: { measures: [measure(1)], day: '2026-11-25', emptyText: 'None' },
      global: { plugins: [createPinia()] },
    })
    expect(wrapper.find('button').exists()).toBe(false)
  })
})
