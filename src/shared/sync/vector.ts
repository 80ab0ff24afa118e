// What a writer had seen of a text field when they typed: for each device (HLC node),
// the latest of that device's versions they had on screen, written as comma-separated
// stamps ("…:tabletA,…:tabletB"). One stamp is not enough: a tablet that was offline
// can deliver a version with an old stamp after someone else edited twice, and only
// the per-device view tells "saw it and replaced it" from "never saw it".
//
// A device's versions of a field reach others in stamp order (it knows its own earlier
// versions, and everything else comes through the server), so "saw device D up to
// stamp s" means "saw every version of D stamped at or before s".
import { isHlc, parseHlc } from './hlc.ts'

export type VersionVector = ReadonlyMap<string, string>

/** Beyond this many devices the oldest entries are dropped: that can only add conflicts, never lose one. */
export const VECTOR_MAX_ENTRIES = 32

export function isVersionVector(text: string): boolean {
  const parts = text.split(',')
  if (parts.length === 0 || parts.length > VECTOR_MAX_ENTRIES) return false
  const nodes = new Set<string>()
  for (const part of parts) {
    if (!isHlc(part)) return false
    const node = parseHlc(part).nodeId
    if (nodes.has(node)) return false
    nodes.add(node)
  }
  return true
}

export function parseVector(text: string | undefined): Map<string, string> {
  const vector = new Map<string, string>()
  if (!text) return vector
  for (const stamp of text.split(',')) addStamp(vector, stamp)
  return vector
}

export function formatVector(vector: VersionVector): string | undefined {
  let stamps = [...vector.values()]
  if (stamps.length === 0) return undefined
  if (stamps.length > VECTOR_MAX_ENTRIES) stamps = stamps.sort().slice(-VECTOR_MAX_ENTRIES)
  return stamps.sort(byNode).join(',')
}

/** Record that `stamp` was seen (keeping the later stamp per device). */
function addStamp(vector: Map<string, string>, stamp: string): void {
  const node = parseHlc(stamp).nodeId
  const known = vector.get(node)
  if (known === undefined || stamp > known) vector.set(node, stamp)
}

export function joinVectors(...texts: (string | undefined)[]): string | undefined {
  const vector = new Map<string, string>()
  for (const text of texts) for (const stamp of parseVector(text).values()) addStamp(vector, stamp)
  return formatVector(vector)
}

/** Had the writer seen the version stamped `stamp`? */
export function covers(vector: VersionVector, stamp: string): boolean {
  const seen = vector.get(parseHlc(stamp).nodeId)
  return seen !== undefined && seen >= stamp
}

/** Keep only entries that pass `keep` (the server drops stamps it cannot trust). */
export function filterVector(text: string | undefined, keep: (stamp: string) => boolean): string | undefined {
  const vector = new Map([...parseVector(text)].filter(([, stamp]) => keep(stamp)))
  return formatVector(vector)
}

function byNode(a: string, b: string): number {
  const nodeA = parseHlc(a).nodeId
  const nodeB = parseHlc(b).nodeId
  return nodeA < nodeB ? -1 : nodeA > nodeB ? 1 : 0
}
