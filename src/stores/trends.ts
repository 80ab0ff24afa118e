import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  firstEntryDay,
  loadTrendRecords,
  useMeasureSource,
  usePractice,
  useRollupSource,
  type MeasureWanted,
  type PracticeWanted,
  type RollupWanted,
} from '@/db/queries/trends'
import { updateRecord } from '@/db/repo'
import { isDayKey, londonDay } from '@/domain/dates'
import type { SpcChartKind } from '@/domain/spc/types'
import { trendAnnotations } from '@/domain/trends/annotations'
import { measureSpc } from '@/domain/trends/measureSpc'
import type { Period } from '@/domain/trends/periods'
import type { ExpectedHuddles } from '@/domain/trends/practice'
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
 * Reads are live queries (db/queries/trends.ts), so a value pulled from another tablet
 * moves the charts on screen; the only writes are how a measure's limits are worked out. */
export const useTrendsStore = defineStore('trends', () => {
  const today = ref(londonDay())

  // ——— Roll-up ———
  const rollupWanted = ref<RollupWanted | null>(null)
  const liveRollup = useRollupSource(rollupWanted)
  /** Built from the answer with the period it was read for, so the screen never reads weeks as months. */
  const rollup = computed<Rollup | null>(() => {
    const shown = liveRollup.data.value
    if (!shown) return null
    const { source } = shown
    return buildRollup(
      source.units,
      source.measures,
      source.entries,
      shown.from,
      shown.to,
      shown.period,
      undefined,
      source.csus,
    )
  })
  /** The grouping of the roll-up on screen: it changes with the matrix, never before it. */
  const rollupPeriod = computed<'week' | 'month'>(() => liveRollup.data.value?.period ?? 'week')
  const rollupRange = computed(() => defaultRange(rollupPeriod.value, today.value))
  const loadingRollup = computed(() => rollupWanted.value !== null && !liveRollup.loaded.value)

  async function loadRollup(period: 'week' | 'month' = rollupPeriod.value) {
    rollupWanted.value = { period, ...defaultRange(period, today.value) }
    await liveRollup.settled()
    if (liveRollup.error.value) throw liveRollup.error.value
  }

  /** The screen is gone: stop re-reading every unit's values on each change. */
  function closeRollup() {
    rollupWanted.value = null
  }

  // ——— One measure ———
  const measureWanted = ref<MeasureWanted | null>(null)
  const liveMeasure = useMeasureSource(measureWanted)
  const source = computed(() => (measureWanted.value ? liveMeasure.data.value : null))
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
    measureWanted.value = { measureId, from: nextFrom, to: nextTo }
    await liveMeasure.settled()
    if (liveMeasure.error.value) throw liveMeasure.error.value
    period.value = nextPeriod
    chart.value = query.chart ?? 'xmr'
    from.value = nextFrom
    to.value = nextTo
    return liveMeasure.data.value !== null
  }

  /** The default window for a measure: the usual length, but never before its first value. */
  async function defaultMeasureRange(measureId: string, view: Period) {
    return defaultRangeFrom(view, today.value, await firstEntryDay(measureId))
  }

  function closeMeasure() {
    measureWanted.value = null
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
    await liveMeasure.settled()
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
  const practiceWanted = ref<PracticeWanted | null>(null)
  const livePractice = usePractice(practiceWanted)
  const practiceUnitId = computed(() => (livePractice.data.value?.found ? livePractice.data.value.unitId : null))
  const practice = computed(() => livePractice.data.value?.series ?? [])
  const statusTimes = computed(() => livePractice.data.value?.statusTimes ?? [])
  const expectedHuddles = ref<ExpectedHuddles>('weekdays')

  async function loadPractice(unitId: string, expected: ExpectedHuddles = expectedHuddles.value, now = new Date()) {
    // Two years up to today: monthly counts need that many points; weekly ones gain from it.
    const earliest = defaultRange('month', today.value).from
    practiceWanted.value = { unitId, expectedHuddles: expected, earliest, to: today.value, now }
    await livePractice.settled()
    if (livePractice.error.value) throw livePractice.error.value
    if (!livePractice.data.value?.found) throw new InputError('That unit is not on this tablet')
    expectedHuddles.value = expected
  }

  function closePractice() {
    practiceWanted.value = null
  }

  return {
    today,
    closeRollup,
    closeMeasure,
    closePractice,
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
