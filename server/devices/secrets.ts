import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { CODE_ALPHABET, CODE_LENGTH } from '../../src/shared/enrolmentCode.ts'

// Device and admin tokens are 32 random bytes, and enrolment codes 60 random bits that
// expire within days and are refused after ten tries a minute. Secrets like these cannot
// be guessed from their hash, so a fast SHA-256 is enough: slow hashes (bcrypt, scrypt)
// exist to protect low-entropy passwords, and would only slow down every sync request,
// which looks its token up by hash.

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
