// Shared helpers for the sync core tests: stamps, mutations and a small test-only table
// declaration.
import { formatHlc } from '@/shared/sync/hlc'
import type { FieldOp, Mutation } from '@/shared/sync/protocol'
import { declareTables } from '@/shared/sync/tables'

export const T = 1_767_225_600_000 // 01/01/2026 00:00 UTC

export const TEST_TABLES = declareTables({
  huddles: { textFields: ['notes'] },
  cards: { textFields: ['title', 'body'] },
})

/** A stamp `ms` after T on a node, e.g. at(20, 'a'). */
export function at(ms: number, nodeId = 'a', counter = 0): string {
  return formatHlc({ wallMs: T + ms, counter, nodeId })
}

let ids = 0
function mutationId(): string {
  ids += 1
  return `01960000-0000-7000-8000-${String(ids).padStart(12, '0')}`
}

export function mutation(hlc: string, fields: Record<string, FieldOp>, extra: Partial<Mutation> = {}): Mutation {
  return { mutationId: mutationId(), table: 'cards', recordId: 'card-1', scope: 'ward-7', hlc, fields, ...extra }
}

/** A text edit by the node that stamps it: `base` lists what the writer had seen. */
export function textEdit(field: string, value: string, hlc: string, base?: string, by?: string): Mutation {
  const op: FieldOp = base === undefined ? { set: value } : { set: value, base }
  return mutation(hlc, { [field]: op }, by === undefined ? {} : { by })
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item)
    Object.freeze(value)
  }
  return value
}
