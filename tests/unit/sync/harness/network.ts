// An unreliable network between one tablet and the server: it can be down for a spell, lose a request before
// the server sees it, lose the answer after the server acted, or deliver a request twice. Every push body is
// kept, so a test can deliver an old one again much later (a retransmission arriving late).
import type { PushRequest } from '@/shared/sync/protocol'
import { transportFailure, type SyncTransport } from '@/sync/transport-types'

/** What happens to one request: delivered, lost before the server, answered but the answer lost, or sent twice. */
export type Fault = 'ok' | 'request-lost' | 'response-lost' | 'duplicate'

export interface Network {
  offline: boolean
  /** Faults for the next requests, in order; once used up, requests go through. */
  faults: Fault[]
  /** Every push body the tablet sent, in order. */
  readonly pushes: PushRequest[]
}

export function newNetwork(): Network {
  return { offline: false, faults: [], pushes: [] }
}

export function unreliable(transport: SyncTransport, network: Network): SyncTransport {
  async function deliver<T>(send: () => Promise<T>): Promise<T | ReturnType<typeof transportFailure>> {
    if (network.offline) return transportFailure('offline')
    const fault = network.faults.shift() ?? 'ok'
    if (fault === 'request-lost') return transportFailure('offline')
    const answer = await send()
    if (fault === 'response-lost') return transportFailure('offline')
    return fault === 'duplicate' ? send() : answer
  }
  return {
    ...transport,
    deviceInfo: () => deliver(() => transport.deviceInfo()),
    pull: (request) => deliver(() => transport.pull(request)),
    push: (request) => {
      // A request that left the tablet may turn up again later, even one whose first delivery was lost.
      if (!network.offline) network.pushes.push(request)
      return deliver(() => transport.push(request))
    },
  }
}
