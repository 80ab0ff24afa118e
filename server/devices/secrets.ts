import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

// Device and admin tokens are 32 random bytes, and enrolment codes 60 random bits that
// expire within days and are refused after ten tries a minute. Secrets like these cannot
// be guessed from their hash, so a fast SHA-256 is enough: slow hashes (bcrypt, scrypt)
// exist to protect low-entropy passwords, and would only slow down every sync request,
// which looks its token up by hash.

/** Enrolment code letters: no 0/O, 1/I, so a code read aloud or off paper is typed right. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const CODE_LENGTH = 12

/** A new bearer token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** How a secret is stored: SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Whether `secret` hashes to `storedHash`, in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return given.length === stored.length && timingSafeEqual(given, stored)
}

/** A new code, normalised (12 characters, no dashes). 32 letters, so each random byte's low 5 bits pick one evenly. */
export function newEnrolmentCode(): string {
  return [...randomBytes(CODE_LENGTH)].map((byte) => CODE_ALPHABET[byte & 31]).join('')
}

/** As people are shown it: XXXX-XXXX-XXXX. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code
}

/** As typed, in any case, with or without dashes and spaces. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '')
}
