import { describe, expect, it } from 'vitest'
import { InputError, isStorageFull, saveFailureMessage } from '@/domain/errors'

const named = (name: string, inner?: unknown) => Object.assign(new Error('x'), { name, inner })

describe('saveFailureMessage', () => {
  it.each([
    ['an input error keeps its own words', new InputError('Enter a number'), /^Enter a number$/],
    ['storage full', named('QuotaExceededError'), /out of storage space/],
    ['storage full wrapped by Dexie', named('AbortError', named('QuotaExceededError')), /out of storage space/],
    ['a closed database', named('DatabaseClosedError'), /could not open its storage/],
    ['anything else', new TypeError('x is undefined'), /could not be saved on this tablet/],
    ['not even an Error', 'boom', /could not be saved on this tablet/],
  ])('%s', (_case, error, expected) => {
    expect(saveFailureMessage(error)).toMatch(expected)
    if (!(error instanceof InputError)) expect(saveFailureMessage(error)).toMatch(/What you typed is still here/)
  })

  it('finds storage full only in the error chain', () => {
    expect(isStorageFull(named('AbortError', named('QuotaExceededError')))).toBe(true)
    expect(isStorageFull(named('AbortError'))).toBe(false)
    expect(isStorageFull(null)).toBe(false)
  })
})
