import { randomUUID } from 'node:crypto'
import { formatHlc } from '../../src/shared/sync/hlc.ts'
import { PROTOCOL_VERSION, type FieldOp, type Mutation } from '../../src/shared/sync/protocol.ts'

let counter = 0

/** A stamp from `nodeId` at `wallMs` (default: now); the counter keeps stamps from one test distinct. */
export function stamp(nodeId = 'tabletA', wallMs = Date.now()): string {
  counter = (counter + 1) % 1_000_000
  return formatHlc({ wallMs, counter, nodeId })
}

export function mutation(
  scope: string,
  recordId: string,
  fields: Record<string, FieldOp>,
  overrides: Partial<Mutation> = {},
): Mutation {
  return { mutationId: randomUUID(), table: 'actions', recordId, scope, hlc: stamp(), fields, ...overrides }
}

/** Protocol 1: a bad change refuses the whole push. These tests keep checking it, since tablets not yet
 * updated still speak it; `pushBodyV2` is the current protocol, answered change by change. */
export function pushBody(mutations: unknown[], extra: Record<string, unknown> = {}) {
  return { protocol: 1, deviceId: 'tablet-a', mutations, ...extra }
}

export function pushBodyV2(mutations: unknown[], extra: Record<string, unknown> = {}) {
  return { protocol: PROTOCOL_VERSION, deviceId: 'tablet-a', mutations, ...extra }
}
