import { describe, expect, it } from 'vitest'
import { formatDayLong } from '@/domain/dates'
import {
  huddleDayShortWords,
  huddleDayWords,
  readReviewChoice,
  reviewDayFor,
  type ReviewChoice,
} from '@/domain/reviewDay'

describe('the day the huddle reviews', () => {
  it.each<[ReviewChoice, string, string]>([
    ['yesterday', '2026-12-07', '2026-12-06'],
    ['today', '2026-12-07', '2026-12-07'],
    ['yesterday', '2026-01-01', '2025-12-31'],
  ])('%s, on %s, is %s', (choice, today, expected) => {
    expect(reviewDayFor(choice, today)).toBe(expected)
  })

  it('says in words which day the huddle reviews and which the board records', () => {
    expect(huddleDayWords('yesterday', '2026-12-07')).toBe(
      `The huddle reviews yesterday, ${formatDayLong('2026-12-06')}. The board records today, ${formatDayLong('2026-12-07')}.`,
    )
    expect(huddleDayWords('today', '2026-12-07')).toBe(
      `The huddle reviews today so far, ${formatDayLong('2026-12-07')}, the same day the board records.`,
    )
  })

  it('says it in short beside the board day', () => {
    expect(huddleDayShortWords('yesterday', '2026-12-07')).toBe('The huddle reviews yesterday, 06/12/2026')
    expect(huddleDayShortWords('today', '2026-12-07')).toBe('The huddle reviews today so far')
  })

  it.each<[unknown, ReviewChoice]>([
    ['today', 'today'],
    ['yesterday', 'yesterday'],
    [null, 'yesterday'],
    ['tomorrow', 'yesterday'],
    [3, 'yesterday'],
  ])('reads a stored %s as %s (yesterday unless today was chosen)', (stored, expected) => {
    expect(readReviewChoice(stored)).toBe(expected)
  })
})
