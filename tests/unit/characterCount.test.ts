import { describe, expect, it } from 'vitest'
import { characterCount } from '@/domain/characterCount'

describe('characterCount (the NHS character count message)', () => {
  it.each([
    ['', 500, 'You have 500 characters remaining', false],
    ['abc', 500, 'You have 497 characters remaining', false],
    ['a'.repeat(499), 500, 'You have 1 character remaining', false],
    ['a'.repeat(500), 500, 'You have 0 characters remaining', false],
    ['a'.repeat(501), 500, 'You have 1 character too many', true],
    ['a'.repeat(2010), 2000, 'You have 10 characters too many', true],
    ['', 2000, 'You have 2,000 characters remaining', false],
    // Counted as the validation counts: trimmed, and an emoji is one character.
    ['  ab  ', 10, 'You have 8 characters remaining', false],
    ['😀😀', 10, 'You have 8 characters remaining', false],
  ])('%j of %i → %s', (text, max, message, over) => {
    expect(characterCount(text, max)).toEqual({ message, over })
  })
})
