// The write path for the stores the first screen imports (org, board, conflicts): repo.ts (a record, its history
// and outbox entries in one transaction) and what it reads (the text versions, the merge, the device clock) are
// their own chunk, loaded by the first write or once the browser is idle after the first screen shows its values
// (prefetchWrites, from App.vue once mounted, so the board holds it until its tiles show: holdIdleFetches). A save
// made after the Wi-Fi drops therefore needs no network, and the shell loads without the write path.
// Every function here is async in repo.ts too, so a caller sees no difference.
import { fetchWhenIdle } from '@/composables/lazyDialog'
import { loadErrorLog } from './logFault'
import type { Repo } from './repo'

type OrganisationWrites = typeof import('./organisationWrites')

let loading: Promise<typeof import('./repo')> | undefined

function loadRepo(): Promise<typeof import('./repo')> {
  // A failed fetch (offline before the service worker holds the app) is tried again by the next write.
  loading ??= import('./repo').catch((problem: unknown) => {
    loading = undefined
    throw problem
  })
  return loading
}

let organisationWrites: Promise<OrganisationWrites> | undefined

function loadOrganisationWrites(): Promise<OrganisationWrites> {
  organisationWrites ??= import('./organisationWrites').catch((problem: unknown) => {
    organisationWrites = undefined
    throw problem
  })
  return organisationWrites
}

/** Fetch the write path (and the rules and problem log that go with a save) when the browser is idle and no screen
 * holds idle fetches. */
export function prefetchWrites(): void {
  fetchWhenIdle(loadRepo)
  // The rules a day's value is checked with (stores/board.ts recordValue).
  fetchWhenIdle(() => import('@/domain/validation'))
  // A new board's settings (stores/org.ts setUp).
  fetchWhenIdle(() => import('@/domain/defaults'))
  // The problem log (db/logFault.ts), so a fault after the Wi-Fi drops is still recorded.
  fetchWhenIdle(loadErrorLog)
  fetchWhenIdle(loadOrganisationWrites)
}

export const saveRecord: Repo['saveRecord'] = async (...args) => (await loadRepo()).saveRecord(...args)
export const updateRecord: Repo['updateRecord'] = async (...args) => (await loadRepo()).updateRecord(...args)
export const recordNow: Repo['recordNow'] = async () => (await loadRepo()).recordNow()

export const storeNewOrganisation: OrganisationWrites['storeNewOrganisation'] = async (...args) =>
  (await loadOrganisationWrites()).storeNewOrganisation(...args)
export const storeDemoTrust: OrganisationWrites['storeDemoTrust'] = async (...args) =>
  (await loadOrganisationWrites()).storeDemoTrust(...args)
