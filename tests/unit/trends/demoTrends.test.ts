// The demo trust shows something true on the manager's first view: long enough history
// for limits and icons, a weekly audit, and a real shift after a dated improvement idea.
import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, weekdayIndex } from '@/domain/dates'
import { buildDemoTrust } from '@/domain/demo'
import { isSpcError } from '@/domain/spc'
import { trendAnnotations } from '@/domain/trends/annotations'
import { measureSpc } from '@/domain/trends/measureSpc'
import { isoWeekOf } from '@/domain/trends/periods'
import { defaultRange, defaultRangeFrom } from '@/domain/trends/ranges'
import { buildRollup } from '@/domain/trends/rollup'

const today = '2026-11-26'
const demo = buildDemoTrust(today)
const byMeasure = new Map<string, { day: string; value: unknown }[]>()
for (const e of demo.entries) byMeasure.set(e.measureId, [...(byMeasure.get(e.measureId) ?? []), e])

describe('the demo trust on the trend screens', () => {
  it('has at least 18 months of daily history for its measures', () => {
    const falls = byMeasure
      .get('demo-m-1-2')!
      .map((e) => e.day)
      .sort()
    expect(daysBetween(falls[0]!, addDays(today, -1))).toBeGreaterThanOrEqual(548)
  })

  it.each(['week', 'month'] as const)(
    'gives every %sly roll-up cell a variation icon and most an assurance icon',
    (period) => {
      const { from, to } = defaultRange(period, today)
      const rollup = buildRollup(demo.units, demo.measures, byMeasure, from, to, period, undefined, [demo.csu])
      const cells = rollup.rows.flatMap((row) => Object.values(row.cells))
      expect(cells).toHaveLength(20)
      expect(cells.filter((c) => c!.variation === 'none')).toEqual([])
      expect(cells.filter((c) => c!.assurance !== 'none').length).toBeGreaterThan(cells.length / 2)
    },
  )

  it('has a weekly audit, entered on Mondays only', () => {
    const audit = demo.measures.find((m) => m.id === 'demo-m-1-4')!
    expect(audit.description).toMatch(/Weekly audit/)
    const days = byMeasure.get(audit.id)!.map((e) => e.day)
    expect(days.length).toBeGreaterThan(70)
    expect(days.every((d) => weekdayIndex(d) === 0)).toBe(true)
  })

  it.each([
    ['demo-m-1-8', 'higher'],
    ['demo-m-2-4', 'higher'],
  ])('shows a real shift in %s after its dated improvement idea, marked on the chart', (measureId) => {
    const idea = demo.ideas.find((i) => i.measureId === measureId)!
    const changeDay = idea.implementedAt!.slice(0, 10)
    const measure = demo.measures.find((m) => m.id === measureId)!
    const { from, to } = defaultRange('week', today)
    const spc = measureSpc(measure, byMeasure.get(measureId)!, from, to, 'week')
    if (isSpcError(spc.result)) throw new Error(spc.result.message)
    const after = spc.result.points.filter((p) => p.period > isoWeekOf(changeDay))
    expect(after.length).toBeGreaterThan(7)
    // The last seven weeks sit above the mean: a shift, read as an improvement.
    const lastSeven = spc.result.points.slice(-7)
    expect(lastSeven.every((p) => p.rules.includes('shift') && p.variation === 'improvement')).toBe(true)
    expect(spc.result.variation).toBe('improvement-high')
    const annotations = trendAnnotations(measureId, [idea], [], from, to, 'week')
    expect(annotations.some((a) => a.kind === 'idea' && a.day === changeDay)).toBe(true)
  })
})

describe('default windows start where data starts', () => {
  it.each([
    // period, first value, expected from
    ['week', null, '2026-05-25'],
    ['week', '2020-01-01', '2026-05-25'],
    ['week', '2026-10-14', '2026-10-12'],
    ['day', '2026-11-20', '2026-11-20'],
    ['month', '2026-03-15', '2026-03-01'],
    // Data only in the current, unfinished week: the usual window (nothing better to show).
    ['week', '2026-11-25', '2026-05-25'],
  ] as const)('%s view, first value %s → from %s', (period, first, from) => {
    expect(defaultRangeFrom(period, today, first).from).toBe(from)
  })
})
