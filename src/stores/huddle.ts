import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { useHuddles, type HuddleDays } from '@/db/queries/huddle'
import { recordClockOffsetMs, saveRecord } from '@/db/repo'
import { addDays, londonDay } from '@/domain/dates'
import * as clock from '@/domain/huddle'
import type { HuddleEndField, RunningHuddle } from '@/domain/huddle'
import { huddleSections } from '@/domain/huddleRecord'
import { newId } from '@/domain/ids'
import { hasErrors, type Errors } from '@/domain/validation'
import type { Board, DayKey, HuddleRecord } from '@/domain/types'
import { InputError } from '@/domain/errors'
import { RUNNING_HUDDLE_KEY } from './runningHuddleKey'

export { RUNNING_HUDDLE_KEY }
/** Days of huddle records the start screen lists (covers the current week too). */
export const RECENT_HUDDLE_DAYS = 28

/** Finishing failed validation: one message per field, for the error summary. */
export class HuddleEndError extends InputError {
  constructor(readonly errors: Errors<HuddleEndField>) {
    super(Object.values(errors).find(Boolean) ?? 'Check the huddle details')
  }
}

interface StoredHuddle {
  running: RunningHuddle
  unitId: string
  attendance: number
  facilitator: string
  notes: string
  stepNotes: Record<string, string>
}

/** The huddle running on this tablet, and the board's recent huddle records. */
export const useHuddleStore = defineStore('huddle', () => {
  const running = ref<RunningHuddle | null>(null)
  const unitId = ref('')
  const attendance = ref(0)
  const facilitator = ref('')
  /** General notes; each notes step's text is added under its own heading on saving. */
  const notes = ref('')
  /** Notes typed on the plan, ideas, recognition and notes steps, by agenda item id. */
  const stepNotes = ref<Record<string, string>>({})
  const recentDays = ref<HuddleDays | null>(null)
  // Live: a huddle saved on another tablet shows in the recent list at once.
  const liveRecent = useHuddles(recentDays)
  const recent = computed(() => liveRecent.data.value)
  const lastSaved = ref<HuddleRecord | null>(null)

  const stored = readStored()
  if (stored) {
    running.value = stored.running
    unitId.value = stored.unitId
    attendance.value = stored.attendance
    facilitator.value = stored.facilitator
    notes.value = stored.notes
    stepNotes.value = stored.stepNotes
  }

  // Written synchronously on every change, so a reload a moment after typing loses nothing.
  watch(
    [running, unitId, attendance, facilitator, notes, stepNotes],
    () =>
      writeStored(
        running.value
          ? {
              running: running.value,
              unitId: unitId.value,
              attendance: attendance.value,
              facilitator: facilitator.value,
              notes: notes.value,
              stepNotes: stepNotes.value,
            }
          : null,
      ),
    { deep: true, flush: 'sync' },
  )

  function start(board: Pick<Board, 'id' | 'unitId' | 'agenda' | 'huddleMinutes'>, now = Date.now()) {
    if (board.agenda.length === 0)
      throw new InputError('This board has no agenda yet. Add agenda items in Settings first.')
    clear()
    lastSaved.value = null
    unitId.value = board.unitId
    running.value = clock.startHuddle(board.id, board.agenda, board.huddleMinutes, now)
  }

  function goTo(index: number, now = Date.now()) {
    if (running.value) running.value = clock.goTo(running.value, index, now)
  }

  function next(now = Date.now()) {
    if (running.value) running.value = clock.next(running.value, now)
  }

  function previous(now = Date.now()) {
    if (running.value) running.value = clock.previous(running.value, now)
  }

  function composedNotes(): string {
    return running.value
      ? clock.composeHuddleNotes(running.value.agenda, notes.value, stepNotes.value)
      : notes.value.trim()
  }

  /** Problems that would stop the huddle being saved (empty when it can be). */
  function endErrors(): Errors<HuddleEndField> {
    return clock.validateHuddleEnd({
      attendance: attendance.value,
      facilitator: facilitator.value,
      notes: composedNotes(),
    })
  }

  /** Save the huddle record and stop the clock. Throws HuddleEndError when details are missing. */
  async function end(by: string, now = Date.now()): Promise<HuddleRecord> {
    const huddle = running.value
    if (!huddle) throw new InputError('No huddle is running')
    const errors = endErrors()
    if (hasErrors(errors)) throw new HuddleEndError(errors)
    // The running clock counts on the device clock (only differences matter there); the times stored
    // are moved onto the corrected clock the sync stamps use.
    const offsetMs = await recordClockOffsetMs()
    const saved = await saveRecord<HuddleRecord>(
      'huddles',
      {
        id: newId(),
        unitId: unitId.value,
        boardId: huddle.boardId,
        day: londonDay(new Date(huddle.startedAt + offsetMs)),
        startedAt: new Date(huddle.startedAt + offsetMs).toISOString(),
        endedAt: new Date(now + offsetMs).toISOString(),
        durationSeconds: clock.elapsedSeconds(huddle, now),
        attendance: attendance.value,
        facilitator: facilitator.value.trim(),
        notes: composedNotes(),
        sections: huddleSections(huddle.agenda, stepNotes.value),
        timings: clock.huddleTimings(huddle, now),
      } as HuddleRecord,
      by,
      undefined,
      new Date(now + offsetMs),
    )
    clear()
    lastSaved.value = saved
    // The record just saved heads the recent list, even when no screen asked for it yet.
    if (recentDays.value?.boardId !== saved.boardId) recentDays.value = recentDaysOf(saved.boardId, saved.day)
    await liveRecent.settled()
    return saved
  }

  /** Stop without saving anything. */
  function cancel() {
    clear()
  }

  function clear() {
    running.value = null
    unitId.value = ''
    attendance.value = 0
    facilitator.value = ''
    notes.value = ''
    stepNotes.value = {}
  }

  function recentDaysOf(boardId: string, today: DayKey): HuddleDays {
    return { boardId, from: addDays(today, -(RECENT_HUDDLE_DAYS - 1)), to: today }
  }

  /** The board's huddles over the last few weeks, newest first. */
  async function loadRecent(boardId: string, today: DayKey = londonDay()) {
    recentDays.value = recentDaysOf(boardId, today)
    await liveRecent.settled()
    return recent.value
  }

  return {
    running,
    unitId,
    attendance,
    facilitator,
    notes,
    stepNotes,
    recent,
    lastSaved,
    start,
    goTo,
    next,
    previous,
    composedNotes,
    endErrors,
    end,
    cancel,
    loadRecent,
  }
})

function readStored(): StoredHuddle | null {
  try {
    const raw = sessionStorage.getItem(RUNNING_HUDDLE_KEY)
    const parsed = raw ? (JSON.parse(raw) as Partial<StoredHuddle>) : null
    const r = parsed?.running
    if (!parsed || !r || typeof r.startedAt !== 'number' || !Array.isArray(r.agenda) || !Array.isArray(r.spentMs))
      return null
    return {
      running: r,
      unitId: typeof parsed.unitId === 'string' ? parsed.unitId : '',
      // NaN (a half-typed number) is stored as null; it comes back as "nobody counted yet".
      attendance: typeof parsed.attendance === 'number' ? parsed.attendance : 0,
      facilitator: typeof parsed.facilitator === 'string' ? parsed.facilitator : '',
      notes: typeof parsed.notes === 'string' ? parsed.notes : '',
      stepNotes: parsed.stepNotes && typeof parsed.stepNotes === 'object' ? parsed.stepNotes : {},
    }
  } catch {
    // Storage unavailable or corrupt: start afresh rather than fail to open the screen.
    return null
  }
}

function writeStored(value: StoredHuddle | null) {
  try {
    if (value) sessionStorage.setItem(RUNNING_HUDDLE_KEY, JSON.stringify(value))
    else sessionStorage.removeItem(RUNNING_HUDDLE_KEY)
  } catch {
    // Private mode or full storage: the huddle still runs, it just cannot survive a reload.
  }
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useHuddleStore, import.meta.hot))
