// zod as the app imports it (vite.config.ts points 'zod' here): configured never to compile
// parsers with eval. The server's Content-Security-Policy allows no eval
// (server/securityHeaders.ts), and zod would otherwise probe for it (`Function('')` in a
// try/catch) while the app's schemas are built; the browser blocks the probe but reports
// each one as a policy violation. Every module that imports 'zod' imports this first, so
// the setting is in place before any schema exists. The server keeps zod's faster parsers.
import { z } from 'zod/v4'

z.config({ jitless: true })

export * from 'zod/v4'
export { z }
export default z
