// What src/sync/whenEnrolled.ts loads once a tablet is enrolled: the engine, the HTTP
// transport and the enrolment's validators, with zod behind all three (one lazy chunk).
export { createSyncEngine } from './engine'
export { readEnrolment } from './enrolment'
export { createHttpTransport } from './transport.http'
