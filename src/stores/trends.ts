import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { updateRecord } from '@/db/repo'
import {
  boardIdsOf,
  firstEntryDay,
  loadIdeaStatusTimes,
  loadMeasureSource,
  loadPracticeSeries,
  loadRollupSource,
  loadTrendRecords,
  loadUnit,
  type MeasureSource,
} from '@/db/trendData'
import { isDayKey, londonDay } from '@/domain/dates'
import type { SpcChartKind } from '@/domain/spc/types'
import { trendAnnotations } from '@/domain/trends/annotations'
import { measureSpc } from '@/domain/trends/measureSpc'
import type { Period } from '@/domain/trends/periods'
import type { ExpectedHuddles, PracticeSeries, StatusTime } from '@/domain/trends/practice'
import { defaultRange, defaultRangeFrom, rangeProblem } from '@/domain/trends/ranges'
import { buildRollup, type Rollup } from '@/domain/trends/rollup'
import type { DayKey, Measure, MeasureBaseline } from '@/domain/types'
import { baselineProblem } from '@/domain/trends/baseline'
import { InputError } from '@/domain/errors'

export interface MeasureTrendQuery {
  period?: Period
  chart?: SpcChartKind
  from?: DayKey
  to?: DayKey
}

/** The trend screens: the manager roll-up, one measure's SPC chart, and "How we work".
 * Reads go through db/trendData.ts; the only write is a measure's rebase days. */
export const useTrendsStore = defineStore('trends', () => {
  const today = ref(londonDay())

  // ——— Roll-up ———
  const rollupPeriod = ref<'week' | 'month'>('week')
  const rollup = shallowRef<Rollup | null>(null)
  const rollupRange = computed(() => defaultRange(rollupPeriod.value, today.value))
  const loadingRollup = ref(false)

  async function loadRollup(period: 'week' | 'month' = rollupPeriod.value) {
    loadingRollup.value = true
    try {
      const { from, to } = defaultRange(period, today.value)
      const source = await loadRollupSource(from, to)
      // Period and matrix change together, so the screen never reads weeks as months.
      rollup.value = buildRollup(
        source.units,
        source.measures,
        source.entries,
        from,
        to,
        period,
        undefined,
        source.csus,
      )
      rollupPeriod.value = period
    } finally {
      loadingRollup.value = false
    }
  }

  // ——— One measure ———
  const source = shallowRef<MeasureSource | null>(null)
  const period = ref<Period>('day')
  const chart = ref<SpcChartKind>('xmr')
  const from = ref<DayKey>('')
  const to = ref<DayKey>('')

  const trend = computed(
    () =>
      source.value &&
      measureSpc(source.value.measure, source.value.entries, from.value, to.value, period.value, chart.value),
  )
  const annotations = computed(() =>
    source.value
      ? trendAnnotations(
          source.value.measure.id,
          source.value.ideas,
          source.value.cycles,
          from.value,
          to.value,
          period.value,
        )
      : [],
  )

  /** Open a measure's trend; false when it is not on this device. Throws InputError for a bad range. */
  async function openMeasure(measureId: string, query: MeasureTrendQuery = {}): Promise<boolean> {
    const nextPeriod = query.period ?? 'day'
    const range = query.from ? defaultRange(nextPeriod, today.value) : await defaultMeasureRange(measureId, nextPeriod)
    const nextFrom = query.from ?? range.from
    const nextTo = query.to ?? range.to
    const problem = rangeProblem(nextFrom, nextTo)
    if (problem) throw new InputError(problem)
    const loaded = await loadMeasureSource(measureId, nextFrom, nextTo)
    period.value = nextPeriod
    chart.value = query.chart ?? 'xmr'
    from.value = nextFrom
    to.value = nextTo
    source.value = loaded
    return loaded !== null
  }

  /** The default window for a measure: the usual length, but never before its first value. */
  async function defaultMeasureRange(measureId: string, view: Period) {
    return defaultRangeFrom(view, today.value, await firstEntryDay(measureId))
  }

  /** Change the view of the open measure: a new range reloads, a new period or chart recomputes. */
  async function setView(query: MeasureTrendQuery) {
    if (!source.value) return
    const range =
      query.period && query.period !== period.value && !query.from
        ? await defaultMeasureRange(source.value.measure.id, query.period)
        : null
    await openMeasure(source.value.measure.id, {
      period: query.period ?? period.value,
      chart: query.chart ?? chart.value,
      from: query.from ?? range?.from ?? from.value,
      to: query.to ?? range?.to ?? to.value,
    })
  }

  /** Every change to how the limits are worked out says why; the measure's history keeps
   * it with who made the change. */
  function reasonOf(reason: string): string {
    const why = reason.trim()
    if (!why) throw new InputError('Say why the limits are changing, for example "The new falls huddle started"')
    return why
  }

  async function saveLimits(changes: Partial<Measure>, reason: string, by: string): Promise<Measure> {
    const measure = source.value?.measure
    if (!measure) throw new InputError('Open a measure first')
    const why = reasonOf(reason)
    const saved = await updateRecord<Measure>('measures', measure.id, { ...changes, limitsReason: why }, by)
    if (!saved) throw new InputError('This measure is no longer on this tablet')
    source.value = { ...source.value!, measure: saved }
    return saved
  }

  async function setRebaseDays(days: DayKey[], by: string, reason: string): Promise<Measure> {
    const bad = days.find((d) => !isDayKey(d))
    if (bad !== undefined) throw new InputError('Enter the date the change was made, for example 01/09/2026')
    return saveLimits({ rebaseDays: [...new Set(days)].sort() }, reason, by)
  }

  async function addRebase(day: DayKey, by: string, reason: string): Promise<Measure> {
    if (!isDayKey(day)) throw new InputError('Enter the date the change was made, for example 01/09/2026')
    if (day < from.value || day > to.value) throw new InputError('Choose a date within the chart’s range')
    return setRebaseDays([...(source.value?.measure.rebaseDays ?? []), day], by, reason)
  }

  async function removeRebase(day: DayKey, by: string, reason: string): Promise<Measure> {
    return setRebaseDays(
      (source.value?.measure.rebaseDays ?? []).filter((d) => d !== day),
      by,
      reason,
    )
  }

  /** Fix the limits on a baseline (after N values, or over a period), or let them move (null). */
  async function setBaseline(baseline: MeasureBaseline | null, by: string, reason: string): Promise<Measure> {
    const problem = baselineProblem(baseline)
    if (problem) throw new InputError(problem)
    return saveLimits({ baseline }, reason, by)
  }

  /** The records behind the roll-up, for its CSV downloads (read when asked, not kept). */
  async function recordsForExport() {
    return loadTrendRecords()
  }

  // ——— How we work ———
  const practiceUnitId = ref<string | null>(null)
  const practice = shallowRef<PracticeSeries[]>([])
  const statusTimes = shallowRef<StatusTime[]>([])
  const expectedHuddles = ref<ExpectedHuddles>('weekdays')

  async function loadPractice(unitId: string, expected: ExpectedHuddles = expectedHuddles.value, now = new Date()) {
    const unit = await loadUnit(unitId)
    if (!unit) throw new InputError('That unit is not on this tablet')
    // Two years up to today (monthly counts need that many points; weekly ones gain from
    // it), but never before the unit was set up: weeks before it existed are not zeros.
    const twoYears = defaultRange('month', today.value).from
    const since = londonDay(new Date(unit.createdAt))
    const from = since > twoYears && since <= today.value ? since : twoYears
    const context = { unit, boardIds: await boardIdsOf(unitId), from, to: today.value, now, expectedHuddles: expected }
    const [series, times] = await Promise.all([loadPracticeSeries(context), loadIdeaStatusTimes(unitId, now)])
    practice.value = series
    statusTimes.value = times
    practiceUnitId.value = unitId
    expectedHuddles.value = expected
  }

  return {
    today,
    rollupPeriod,
    rollup,
    rollupRange,
    loadingRollup,
    loadRollup,
    recordsForExport,
    source,
    period,
    chart,
    from,
    to,
    trend,
    annotations,
    openMeasure,
    setView,
    addRebase,
    removeRebase,
    setRebaseDays,
    setBaseline,
    practiceUnitId,
    practice,
    statusTimes,
    expectedHuddles,
    loadPractice,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTrendsStore, import.meta.hot))
