import { describe, expect, it } from 'vitest'
import { FieldErrors, fieldErrorsOf, InputError, isStorageFull, saveFailureMessage } from '@/domain/errors'

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

describe('fieldErrorsOf', () => {
  const fields = { title: 'Enter a title', target: undefined }
  it.each([
    ['field problems go beside their fields', new FieldErrors(fields), fields],
    ['a subclass (a store’s own form errors) too', new (class extends FieldErrors {})(fields), fields],
    ['a plain input error goes under the fallback field', new InputError('Pick a day'), { save: 'Pick a day' }],
    [
      'a fault is put in words under the fallback field',
      named('QuotaExceededError'),
      { save: expect.stringMatching(/out of storage space/) },
    ],
  ])('%s', (_, failure, shown) => {
    expect(fieldErrorsOf(failure, 'save')).toEqual(shown)
  })

  it('summarises by the first field problem, else by the form’s own words', () => {
    expect(new FieldErrors({ a: undefined, b: 'Enter b' }).message).toBe('Enter b')
    expect(new FieldErrors({}, 'Check the goal').message).toBe('Check the goal')
    expect(new FieldErrors({}) instanceof InputError).toBe(true)
  })
})
