import { describe, expect, it } from 'vitest'
import {
  allowsNegative,
  backspace,
  implausibleJump,
  keypadText,
  pressKey,
  readTypedEntry,
  recentNumbers,
  step,
  toggleSign,
  type KeypadKey,
} from '@/domain/keypad'
import type { MeasureType } from '@/domain/types'

describe('pressKey', () => {
  it.each<[string, string, KeypadKey, MeasureType, string]>([
    ['appends a digit', '1', '4', 'count', '14'],
    ['starts from blank', '', '7', 'count', '7'],
    ['replaces a lone zero', '0', '7', 'number', '7'],
    ['replaces a lone negative zero', '-0', '3', 'number', '-3'],
    ['keeps a zero after other digits', '10', '0', 'count', '100'],
    ['no decimal point for a count', '12', '.', 'count', '12'],
    ['decimal point for a percentage', '92', '.', 'percentage', '92.'],
    ['decimal point on blank gets a leading zero', '', '.', 'number', '0.'],
    ['decimal point after a minus gets a zero', '-', '.', 'number', '-0.'],
    ['only one decimal point', '9.5', '.', 'number', '9.5'],
    ['two decimals at most', '9.25', '1', 'number', '9.25'],
    ['second decimal allowed', '9.2', '5', 'percentage', '9.25'],
    ['digits after a minus', '-', '4', 'number', '-4'],
    ['does not grow past the maximum length', '12345678901234', '5', 'number', '12345678901234'],
    ['keeps an out-of-range percentage so it can be corrected', '14', '0', 'percentage', '140'],
  ])('%s', (_, text, key, type, expected) => {
    expect(pressKey(text, key, type)).toBe(expected)
  })
})

describe('backspace', () => {
  it.each([
    ['removes the last character', '140', '14'],
    ['removes a trailing decimal point', '9.', '9'],
    ['a lone minus goes with the digit', '-4', ''],
    ['blank stays blank', '', ''],
  ])('%s', (_, text, expected) => {
    expect(backspace(text)).toBe(expected)
  })
})

describe('step', () => {
  it.each<[string, string, number, MeasureType, string]>([
    ['up from blank', '', 1, 'count', '1'],
    ['up from a number', '3', 1, 'count', '4'],
    ['down', '3', -1, 'count', '2'],
    ['a count never goes below zero', '0', -1, 'count', '0'],
    ['a count rounds a stray decimal first', '2.6', 1, 'count', '4'],
    ['a trailing decimal point is ignored', '5.', 1, 'percentage', '6'],
    ['a number can go negative', '0', -1, 'number', '-1'],
    ['decimals are kept for numbers', '1.5', 1, 'number', '2.5'],
    ['unreadable text steps from zero', 'abc', 1, 'count', '1'],
  ])('%s', (_, text, delta, type, expected) => {
    expect(step(text, delta, type)).toBe(expected)
  })
})

describe('allowsNegative: a ± key only where the measure can go below zero', () => {
  it.each<[MeasureType, string, boolean, string?]>([
    ['number', '', true],
    ['number', '£', true],
    ['number', '°C', true],
    ['number', 'days', false],
    ['number', 'Days', false],
    ['number', 'hours', false],
    ['number', 'minutes', false],
    ['number', 'mins', false],
    ['number', 'patients', false],
    ['number', 'beds', false],
    ['number', 'people', false],
    ['number', 'days per patient', false],
    ['number', 'days', true, 'Length of stay change'],
    ['number', 'patients', true, 'Net admissions (difference from yesterday)'],
    ['count', '', false],
    ['count', 'falls', false],
    ['percentage', '%', false],
  ])('%s in "%s": %s %s', (type, unit, expected, name = '') => {
    expect(allowsNegative(type, unit, name)).toBe(expected)
  })
})

describe('toggleSign', () => {
  it.each<[string, string, MeasureType, string]>([
    ['makes a number negative', '5', 'number', '-5'],
    ['makes it positive again', '-5', 'number', '5'],
    ['a blank number starts with a minus', '', 'number', '-'],
    ['a count has no sign', '5', 'count', '5'],
    ['a percentage has no sign', '5', 'percentage', '5'],
  ])('%s', (_, text, type, expected) => {
    expect(toggleSign(text, type)).toBe(expected)
  })
})

describe('keypadText', () => {
  it.each<[unknown, string]>([
    [3, '3'],
    [92.5, '92.5'],
    [0, '0'],
    [undefined, ''],
    [true, ''],
    ['green', ''],
    [Number.NaN, ''],
  ])('%s shows as "%s"', (value, expected) => {
    expect(keypadText(value)).toBe(expected)
  })
})

describe('readTypedEntry', () => {
  const today = '2026-11-26'
  const obs = { type: 'percentage' as const, name: 'Observations on time' }
  const falls = { type: 'count' as const, name: 'Falls' }
  it.each<[string, { type: MeasureType; name: string }, string, string, number | null, string | undefined]>([
    ['a valid percentage', obs, today, '92.5', 92.5, undefined],
    ['a trailing decimal point is fine', obs, today, '92.', 92, undefined],
    ['a percentage over 100', obs, today, '140', 140, 'A percentage must be between 0 and 100 (you entered 140)'],
    ['blank', falls, today, '', null, 'Enter a value for Falls'],
    ['not a number', falls, today, '1.2.3', null, 'Enter a number, like 5 or 92.5'],
    ['a decimal count', falls, today, '1.5', 1.5, 'A count must be a whole number'],
    ['a future day', falls, '2026-11-27', '1', 1, 'You cannot record a value for a day in the future'],
  ])('%s', (_, measure, day, text, value, error) => {
    expect(readTypedEntry(measure, day, text, today)).toEqual({ value, error })
  })
})

describe('the first key replaces the value shown', () => {
  it.each<[string, string, KeypadKey, MeasureType, string]>([
    ['a count: falls 4 then 5 reads 5, not 45', '4', '5', 'count', '5'],
    ['a percentage: 92 then 1 starts 1, not 921', '92', '1', 'percentage', '1'],
    ['a number: 3.5 then 2 reads 2', '3.5', '2', 'number', '2'],
    ['a negative number is replaced too', '-2', '7', 'number', '7'],
    ['a decimal point starts "0."', '92', '.', 'percentage', '0.'],
    ['a decimal point does nothing for a count', '4', '.', 'count', '4'],
  ])('%s', (_, shown, key, type, expected) => {
    expect(pressKey(shown, key, type, true)).toBe(expected)
  })

  it('92 % then 1-5-0 reads 150, not 92150', () => {
    let text = pressKey('92', '1', 'percentage', true)
    text = pressKey(text, '5', 'percentage')
    text = pressKey(text, '0', 'percentage')
    expect(text).toBe('150')
  })
})

describe('implausibleJump', () => {
  const falls = { type: 'count' as const, name: 'Falls', unit: 'falls' }
  const obs = { type: 'percentage' as const, name: 'Observations on time', unit: '%' }
  const stay = { type: 'number' as const, name: 'Average length of stay', unit: 'days' }
  it.each<[string, { type: MeasureType; name: string; unit: string }, number, number[], boolean]>([
    ['a count 5 times its usual', falls, 20, [4, 3, 5, 4, 4], true],
    ['a count just under 5 times its usual', falls, 19, [4, 3, 5, 4, 4], false],
    ['a count of 45 after falls of 0 to 4', falls, 45, [0, 1, 0, 4, 0], true],
    ['a count above any recent day when the usual is 0', falls, 5, [0, 0, 1, 0, 0], true],
    ['a count of 1 when the usual is 0 is ordinary', falls, 1, [0, 0, 0, 0], false],
    ['a count within the recent range', falls, 4, [0, 1, 0, 4, 0], false],
    ['too little history to judge', falls, 45, [4, 4], false],
    ['a percentage 5 times its usual', obs, 100, [12, 15, 18, 20], true],
    ['a percentage near its usual', obs, 88, [92, 95, 90], false],
    ['a number 5 times its usual', stay, 25, [5, 4.5, 5.5], true],
    ['a negative number far from its usual', stay, -30, [5, 4.5, 5.5], true],
    ['a number near its usual', stay, 6, [5, 4.5, 5.5], false],
  ])('%s', (_, measure, value, recent, asks) => {
    const reason = implausibleJump(measure, value, recent)
    if (asks) expect(reason).toMatch(/^Check: /)
    else expect(reason).toBeUndefined()
  })

  it('says what the usual value is in words', () => {
    expect(implausibleJump(falls, 45, [4, 3, 5, 4, 4])).toBe(
      'Check: 45 falls is much higher than usual (usually about 4 falls; the highest of the last 5 recorded days was 5 falls). Is 45 right?',
    )
  })
})

describe('recentNumbers', () => {
  it('reads the numbers of the days before, latest first, skipping blanks and other answers', () => {
    const values: Record<string, unknown> = { '2026-11-25': 4, '2026-11-24': true, '2026-11-22': 2, '2026-11-26': 9 }
    expect(recentNumbers((day) => values[day], '2026-11-26')).toEqual([4, 2])
  })
})
