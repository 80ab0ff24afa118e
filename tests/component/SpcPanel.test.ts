// One SPC series on screen: icons in words, the table alternative, and bad input.
import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import SpcPanel from '@/components/trends/SpcPanel.vue'
import { computeSpc } from '@/domain/spc'
import type { SpcInputPoint } from '@/domain/spc/types'
import { buttonNamed } from '../helpers/dom'

enableAutoUnmount(afterEach)

const days = (values: (number | null)[]): SpcInputPoint[] =>
  values.map((value, i) => ({ period: `2026-11-${String(i + 1).padStart(2, '0')}`, value }))

function mountPanel(series: SpcInputPoint[]) {
  return mount(SpcPanel, {
    props: {
      title: 'Falls – Ward 7',
      result: computeSpc(series, { direction: 'lower', target: 0 }),
      period: 'day',
      formatValue: (v: number | null) => (v === null ? '' : String(v)),
      valueLabel: 'Falls',
      target: 0,
      fileParts: ['Falls'],
      annotations: [
        {
          kind: 'idea',
          day: '2026-11-20',
          endDay: '2026-11-20',
          period: '2026-11-20',
          endPeriod: '2026-11-20',
          label: 'Idea implemented: sensor mats',
        },
      ],
    },
    attachTo: document.body,
  })
}

const steadyThenHigh = [1, 2, 1, 0, 2, 1, 1, 2, 0, 1, 2, 1, 1, 0, 2, 1, 1, 2, 1, null, 9, 10]

describe('SpcPanel', () => {
  it('shows the variation and assurance icons as words', () => {
    const panel = mountPanel(days(steadyThenHigh))
    expect(panel.get('[data-testid="variation-badge"]').text()).toContain('Special cause: concern, high')
    expect(panel.get('[data-testid="assurance-badge"]').text()).toMatch(/Target/)
  })

  it('shows the chart as a table on a tap, with every period, gaps in words, and the reading', async () => {
    const panel = mountPanel(days(steadyThenHigh))
    expect(panel.find('[data-testid="spc-table"]').exists()).toBe(false)
    const toggle = buttonNamed(panel, 'Show as a table')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')
    const table = panel.get('[data-testid="spc-table"]')
    const rows = table.findAll('tbody tr')
    expect(rows).toHaveLength(22)
    expect(rows[0]!.find('th').text()).toBe('01/11/2026')
    expect(rows[19]!.text()).toContain('Not recorded')
    expect(rows[21]!.text()).toContain('Concern')
    expect(rows[19]!.text()).toContain('Idea implemented: sensor mats')
    expect(table.find('caption').text()).toBe('Falls – Ward 7: values and limits')
    expect(buttonNamed(panel, 'Hide the table').attributes('aria-expanded')).toBe('true')
  })

  it.each([
    ['one value', days([3]), 'Only one value has been recorded'],
    ['a value that is not a number', days([1, Number.NaN, 2]), 'not a number'],
    ['an infinite value', days([1, Number.POSITIVE_INFINITY, 2]), 'infinite'],
  ])('shows the engine’s message for %s instead of a chart', (_name, series, message) => {
    const panel = mountPanel(series)
    expect(panel.get('[data-testid="spc-message"]').text()).toContain(message)
    expect(panel.find('[data-testid="spc-chart"]').exists()).toBe(false)
    expect(panel.find('button').exists()).toBe(false)
  })
})
