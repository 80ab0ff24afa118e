// Headers on every response, the app's pages and the API alike. The built app loads only its
// own files (Vite emits no inline script and no eval; fonts ship with the app; Vue sets styles
// through the DOM, which CSP allows), so the policy can be strict; tests/e2e/csp.spec.ts opens
// every main screen in Chromium and fails on any violation.
import type { FastifyInstance } from 'fastify'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // data: for the printed trend, whose chart is a PNG taken from its canvas as a data URL
  // (an image cannot run script).
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // No page of this server may be shown inside another site's frame (clickjacking the admin page).
  "frame-ancestors 'none'",
].join('; ')

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  // frame-ancestors for browsers that predate it.
  'x-frame-options': 'DENY',
  // Links out of the app (resources in the concept library) tell the other site nothing.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
}

/**
 * A year, without includeSubDomains: other services of a trust's domain may still be plain
 * HTTP. Sent only on requests that arrived over HTTPS (behind a TLS-terminating proxy, when
 * TRUST_PROXY lets the server believe its X-Forwarded-Proto): browsers ignore it over HTTP.
 */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000'

export function useSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    // On the raw response, so event streams (which write their own head) carry them too.
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.raw.setHeader(name, value)
    if (request.protocol === 'https') reply.raw.setHeader('strict-transport-security', STRICT_TRANSPORT_SECURITY)
  })
}
