import type { FastifyError, FastifyInstance } from 'fastify'
import { ServiceError } from '../devices/errors.ts'
import { REQUEST_LIMITS } from '../limits.ts'

/** Admin and enrolment bodies are a few short fields. */
const SMALL_BODY_LIMIT = REQUEST_LIMITS.smallBodyBytes

/**
 * JSON errors for the admin and device routes: a service refusal with its own status and
 * body, a request Fastify could not read (bad JSON, too large) as `invalid-payload`, and
 * anything else as a 500 that says nothing was saved.
 */
export function useJsonErrors(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.bodyLimit ??= SMALL_BODY_LIMIT
  })
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store')
  })
  app.setErrorHandler((error: FastifyError | ServiceError, request, reply) => {
    if (error instanceof ServiceError) return reply.code(error.status).send(error.toBody())
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      return reply.code(status).send({
        error: 'invalid-payload',
        message: `That was not accepted (${error.message}).`,
        details: { issues: [{ path: '', message: error.message }] },
      })
    }
    request.log.error(error)
    return reply.code(500).send({
      error: 'server-error',
      message:
        'The server had a problem and saved nothing from this request. Try again; if it keeps happening, tell your IT team.',
    })
  })
}
