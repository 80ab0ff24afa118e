import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import MeasureTiles from '@/components/huddle/MeasureTiles.vue'
import { addDays, formatDayLong, londonDay } from '@/domain/dates'
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
      props: { measures: Array.from({ length: 19 }, (_, i) => measure(i + 1)), emptyText: 'None' },
      global: { plugins: [createPinia()] },
    })
    const pager = () => wrapper.find('.page-button')
    const names = () => wrapper.findAll('.measure-tile h3').map((h) => h.text())
    expect(names()).toHaveLength(8)
    expect(names()[0]).toBe('Measure 1')
    expect(wrapper.text()).toContain(
      `Reviewing yesterday, ${formatDayLong(addDays(londonDay(), -1))}: tap a measure to record or correct it – showing 1 to 8 of 19`,
    )
    // Nothing recorded: the dashed "Not recorded" badge and a dash, never a blank tile.
    expect(wrapper.find('.measure-tile').attributes('data-status')).toBe('missing')
    expect(wrapper.find('.measure-tile').text()).toContain('Not recorded')

    await pager().trigger('click')
    expect(names()[0]).toBe('Measure 9')
    expect(pager().text()).toBe('More measures (3 of 3)')
    await pager().trigger('click')
    expect(names()).toEqual(['Measure 17', 'Measure 18', 'Measure 19'])
    expect(pager().text()).toBe('First measures (1 of 3)')
    await pager().trigger('click')
    expect(names()[0]).toBe('Measure 1')
  })

  it('has no pager for eight or fewer', () => {
    const wrapper = mount(MeasureTiles, {
      props: { measures: [measure(1)], emptyText: 'None' },
      global: { plugins: [createPinia()] },
    })
    expect(wrapper.find('.page-button').exists()).toBe(false)
  })
})
