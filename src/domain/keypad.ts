// Editing rules for the on-screen number keypad. The text is what the person sees;
// it is only turned into a number (and judged) when they press Save, so a wrong value
// like "140" for a percentage stays on screen next to the message about it.
import { addDays } from './dates'
import { parseNumber, validateEntry } from './validation'
import type { DayKey, Measure, MeasureType } from './types'

export type DigitKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
export type KeypadKey = DigitKey | '.'

/** Long enough for LIMITS.number (1,000,000,000) with a sign and two decimals. */
const KEYPAD_MAX_LENGTH = 14
const KEYPAD_MAX_DECIMALS = 2

export function allowsDecimal(type: MeasureType): boolean {
  return type === 'number' || type === 'percentage'
}

/** Units of time or of people and things: a value in them is never below zero. */
const NEVER_NEGATIVE_UNIT =
  /^(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|patients?|beds?|people|persons?|staff|shifts?|doses?|visits?|calls?|referrals?|admissions?|discharges?|items?|%)$/i

/** A measure of a change or a difference ("Length of stay change") can go either way. */
const SIGNED_NAME = /\b(change|difference|variance|balance|net)\b/i

/**
 * Only free numbers can go below zero (a count or a percentage never does), and not those
 * measured in time or in people and things (a length of stay in days) unless the measure is
 * a change or a difference: no ± key where a value cannot be negative.
 */
export function allowsNegative(type: MeasureType, unit = '', name = ''): boolean {
  if (type !== 'number') return false
  const firstWord = unit.trim().split(/\s+/)[0] ?? ''
  return !NEVER_NEGATIVE_UNIT.test(firstWord) || SIGNED_NAME.test(name)
}

/**
 * One key on the pad. `replacing` is true for the first key after the pad opens on a saved
 * value: that key starts a new number (falls 4, then 5, reads 5, not 45).
 */
export function pressKey(text: string, key: KeypadKey, type: MeasureType, replacing = false): string {
  if (replacing) return key === '.' && !allowsDecimal(type) ? text : pressKey('', key, type)
  if (key === '.') {
    if (!allowsDecimal(type) || text.includes('.')) return text
    const whole = text === '' || text === '-' ? `${text}0` : text
    return fits(`${whole}.`) ? `${whole}.` : text
  }
  const decimals = text.split('.')[1]
  if (decimals !== undefined && decimals.length >= KEYPAD_MAX_DECIMALS) return text
  // A leading zero is replaced rather than kept ("0" then "7" reads 7, not 07).
  const next = text === '0' ? key : text === '-0' ? `-${key}` : `${text}${key}`
  return fits(next) ? next : text
}

export function backspace(text: string): string {
  const next = text.slice(0, -1)
  return next === '-' ? '' : next
}

/** The −/+ steppers: move by `delta` from what is typed (blank counts as 0). */
export function step(text: string, delta: number, type: MeasureType): string {
  const current = parseNumber(text.endsWith('.') ? text.slice(0, -1) : text) ?? 0
  const moved = type === 'count' ? Math.round(current) + delta : current + delta
  const next = allowsNegative(type) ? moved : Math.max(0, moved)
  return String(Number(next.toFixed(KEYPAD_MAX_DECIMALS)))
}

export function toggleSign(text: string, type: MeasureType, unit = '', name = ''): string {
  if (!allowsNegative(type, unit, name)) return text
  return text.startsWith('-') ? text.slice(1) : `-${text}`
}

/** What a stored number looks like on the keypad. */
export function keypadText(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : ''
}

/** Turn the typed text into a value for `day`, or the plain-English reason it cannot be saved. */
export function readTypedEntry(
  measure: Pick<Measure, 'type' | 'name'>,
  day: DayKey,
  text: string,
  today: DayKey,
): { value: number | null; error: string | undefined } {
  const trimmed = text.trim().replace(/\.$/, '')
  if (!trimmed) return { value: null, error: validateEntry(measure, day, null, today) }
  const value = parseNumber(trimmed)
  if (value === null) return { value: null, error: 'Enter a number, like 5 or 92.5' }
  return { value, error: validateEntry(measure, day, value, today) }
}

/** Fewer recent values than this and the pad does not judge what is usual. */
export const JUDGE_AFTER_VALUES = 3
/** A value this many times the usual (or more) is asked about before saving. */
export const JUMP_FACTOR = 5

/**
 * A value that is possible but unlikely (a slip of the finger, like 45 falls for 4): the question
 * to ask before saving it, or undefined. Judged against `recent`, the measure's latest recorded
 * values: at least 5 times the usual (the median), or, when the usual is 0, at least 5 and
 * above the highest recent day.
 */
export function implausibleJump(
  measure: Pick<Measure, 'type' | 'unit'>,
  value: number,
  recent: readonly number[],
): string | undefined {
  const sizes = recent.filter(Number.isFinite).map(Math.abs)
  if (sizes.length < JUDGE_AFTER_VALUES) return undefined
  const usual = middle(sizes)
  const highest = Math.max(...sizes)
  const size = Math.abs(value)
  const jump = usual > 0 ? size >= JUMP_FACTOR * usual : size >= JUMP_FACTOR && size > highest
  if (!jump) return undefined
  const shown = (n: number) => withUnit(measure, n)
  return `Check: ${shown(value)} is much ${value < 0 ? 'lower' : 'higher'} than usual (usually about ${shown(usual)}; the highest of the last ${sizes.length} recorded days was ${shown(highest)}). Is ${value} right?`
}

/** Days looked back over for `implausibleJump`. */
export const USUAL_OVER_DAYS = 28

/** The numbers recorded on the `USUAL_OVER_DAYS` days before `day`, latest first. */
export function recentNumbers(valueOn: (day: DayKey) => unknown, day: DayKey): number[] {
  const found: number[] = []
  for (let back = 1; back <= USUAL_OVER_DAYS; back++) {
    const value = valueOn(addDays(day, -back))
    if (typeof value === 'number' && Number.isFinite(value)) found.push(value)
  }
  return found
}

function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const half = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2
  return Number(median.toFixed(KEYPAD_MAX_DECIMALS))
}

function withUnit(measure: Pick<Measure, 'type' | 'unit'>, n: number): string {
  if (measure.type === 'percentage') return `${n}%`
  return measure.unit ? `${n} ${measure.unit}` : String(n)
}

function fits(text: string): boolean {
  return text.length <= KEYPAD_MAX_LENGTH
}
