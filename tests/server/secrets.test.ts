import { describe, expect, it } from 'vitest'
import { CODE_ALPHABET } from '../../src/shared/enrolmentCode.ts'
import { hashSecret, newEnrolmentCode, newToken, secretMatches } from '../../server/devices/secrets.ts'

describe('device secrets', () => {
  it('makes tokens of 32 random bytes in base64url', () => {
    const tokens = new Set(Array.from({ length: 50 }, newToken))
    expect(tokens.size).toBe(50)
    for (const token of tokens) expect(Buffer.from(token, 'base64url')).toHaveLength(32)
  })

  it('makes 12-character codes from the unambiguous alphabet, using all of it', () => {
    expect(CODE_ALPHABET).toHaveLength(32)
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/)
    const codes = Array.from({ length: 400 }, newEnrolmentCode)
    for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{12}$/)
    expect(new Set(codes.join(''))).toEqual(new Set(CODE_ALPHABET))
  })

  it('stores SHA-256 hex and compares against it', () => {
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(secretMatches('abc', hashSecret('abc'))).toBe(true)
    expect(secretMatches('abd', hashSecret('abc'))).toBe(false)
    expect(secretMatches('abc', 'not-hex')).toBe(false)
  })
})
