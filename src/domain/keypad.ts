// Editing rules for the on-screen number keypad. The text is what the person sees;
// it is only turned into a number (and judged) when they press Save, so a wrong value
// like "140" for a percentage stays on screen next to the message about it.
import { parseNumber, validateEntry } from './validation'
import type { DayKey, Measure, MeasureType } from './types'

export type DigitKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9'
export type KeypadKey = DigitKey | '.'

/** Long enough for LIMITS.number (1,000,000,000) with a sign and two decimals. */
export const KEYPAD_MAX_LENGTH = 14
export const KEYPAD_MAX_DECIMALS = 2

export function allowsDecimal(type: MeasureType): boolean {
  return type === 'number' || type === 'percentage'
}

/** Only free numbers can go below zero (a count or a percentage never does). */
export function allowsNegative(type: MeasureType): boolean {
  return type === 'number'
}

export function pressKey(text: string, key: KeypadKey, type: MeasureType): string {
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

export function toggleSign(text: string, type: MeasureType): string {
  if (!allowsNegative(type)) return text
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

function fits(text: string): boolean {
  return text.length <= KEYPAD_MAX_LENGTH
}
