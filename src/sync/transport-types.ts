// How the sync engine reaches a server. Every call resolves: failures come back as
// values (never thrown), so nothing a network does can break a screen.
import type { PullRequest, PullResponse, PushRequest, PushResponse, SyncError } from '@/shared/sync/protocol'

/** Failures that are not the server's answer: no network, or no usable reply. */
export type TransportFailureCode = 'offline' | 'unavailable'

export interface TransportFailure {
  error: TransportFailureCode
  message: string
}

export type SyncFailure = SyncError | TransportFailure

export const TRANSPORT_MESSAGES: Record<TransportFailureCode, string> = {
  offline: 'This tablet cannot reach the sync server. Changes are kept safe on this tablet and will be sent when it is back online.',
  unavailable: 'The sync server is not available right now. Changes are kept safe on this tablet and will be sent later.',
}

export function transportFailure(code: TransportFailureCode): TransportFailure {
  return { error: code, message: TRANSPORT_MESSAGES[code] }
}

export function isFailure<T extends object>(result: T | SyncFailure): result is SyncFailure {
  return 'error' in result && typeof (result as { error: unknown }).error === 'string'
}

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse | SyncFailure>
  pull(request: PullRequest): Promise<PullResponse | SyncFailure>
  /** Calls `onPoke` when the scope changes on the server. Returns the unsubscribe function. */
  events(scope: string, onPoke: () => void): () => void
}
