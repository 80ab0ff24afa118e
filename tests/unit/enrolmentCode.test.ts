import { describe, expect, it } from 'vitest'
import { CODE_ALPHABET, formatCode, normaliseCode, usesCodeAlphabet } from '@/shared/enrolmentCode'
import { validateEnrolDraft } from '@/sync/enrolForm'

describe('enrolment codes, as the server issues them and the tablet reads them', () => {
  it('has 32 characters with none that can be misread for another', () => {
    expect(new Set(CODE_ALPHABET).size).toBe(32)
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/)
  })

  it.each([
    ['ABCD-EFGH-JKLM', 'ABCDEFGHJKLM'],
    ['abcd efgh jklm', 'ABCDEFGHJKLM'],
    [' abcd-EFGH -jklm ', 'ABCDEFGHJKLM'],
    ['', ''],
  ])('reads %j as %j', (typed, code) => {
    expect(normaliseCode(typed)).toBe(code)
  })

  it.each([
    ['ABCDEFGHJKLM', 'ABCD-EFGH-JKLM'],
    ['abcd-efgh-jklm', 'ABCD-EFGH-JKLM'],
    ['ABCDEF', 'ABCD-EF'],
    ['', ''],
  ])('shows %j as %j', (code, shown) => {
    expect(formatCode(code)).toBe(shown)
  })

  it.each([
    ['ABCDEFGHJKLM', true],
    ['ABCDEFGHJKL0', false],
    ['ABCDEFGHJKLO', false],
    ['ABCDEFGHJKL1', false],
  ])('%s uses only the code alphabet: %s', (code, ok) => {
    expect(usesCodeAlphabet(code)).toBe(ok)
  })

  it('accepts on the enrol form every code the alphabet can make', () => {
    const code = CODE_ALPHABET.slice(0, 12)
    expect(validateEnrolDraft({ code: formatCode(code).toLowerCase(), deviceName: 'Ward 4 tablet' })).toEqual({})
    expect(validateEnrolDraft({ code: CODE_ALPHABET.slice(20, 32), deviceName: 'Ward 4 tablet' })).toEqual({})
  })
})
