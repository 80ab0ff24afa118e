import type { z } from 'zod'
import { payloadIssues, type PayloadIssue } from '../../src/shared/sync/protocol.ts'

/** Refusals the service functions raise; the HTTP routes answer them with these statuses, the CLI prints the message. */
const SERVICE_ERROR_STATUS = {
  'invalid-payload': 400,
  'invalid-code': 400,
  'not-found': 404,
} as const

export type ServiceErrorCode = keyof typeof SERVICE_ERROR_STATUS

export const INVALID_CODE_MESSAGE =
  'That enrolment code is not valid. It may have been used already or have expired. Ask your improvement office for a new one.'

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ServiceError'
  }

  get status(): number {
    return SERVICE_ERROR_STATUS[this.code]
  }

  toBody(): { error: ServiceErrorCode; message: string; details?: unknown } {
    return this.details === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, details: this.details }
  }
}

export function notFound(what: string): ServiceError {
  return new ServiceError('not-found', `There is no ${what} with that id.`)
}

export function invalidCode(): ServiceError {
  return new ServiceError('invalid-code', INVALID_CODE_MESSAGE)
}

/** Validates input for a service function; a refusal names the first problem in plain English and lists them all. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues: PayloadIssue[] = payloadIssues(result.error)
  const first = issues[0]
  const problem = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'check what was sent'
  throw new ServiceError('invalid-payload', `That was not accepted (${problem}).`, { issues })
}
