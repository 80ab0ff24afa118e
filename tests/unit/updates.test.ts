// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  MIN_CHECK_GAP_MS,
  UPDATE_CHECK_INTERVAL_MS,
  markOfflineReadyAnnounced,
  offlineReadyAlreadyAnnounced,
  watchForUpdates,
} from '@/pwa/updates'

let online = true
let stop: () => void
const registration = { installing: null as unknown, update: vi.fn(async () => undefined) }

function start() {
  stop = watchForUpdates(registration, { now: () => Date.now(), isOnline: () => online })
}

function setVisibility(state: DocumentVisibilityState) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state)
  document.dispatchEvent(new Event('visibilitychange'))
}

beforeEach(() => {
  vi.useFakeTimers()
  online = true
  registration.installing = null
  registration.update.mockReset().mockResolvedValue(undefined)
})
afterEach(() => {
  stop()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('watchForUpdates', () => {
  it('checks every 30 minutes', () => {
    start()
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS - 1)
    expect(registration.update).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS)
    expect(registration.update).toHaveBeenCalledTimes(2)
  })

  it.each([
    ['the screen comes back into view', () => setVisibility('visible'), 1],
    ['the screen is hidden', () => setVisibility('hidden'), 0],
    ['the network comes back', () => window.dispatchEvent(new Event('online')), 1],
  ])('when %s: %i check(s)', (_when, trigger, checks) => {
    start()
    vi.advanceTimersByTime(MIN_CHECK_GAP_MS)
    trigger()
    expect(registration.update).toHaveBeenCalledTimes(checks)
  })

  it('checks at most once a minute however often the events fire', () => {
    start()
    vi.advanceTimersByTime(MIN_CHECK_GAP_MS)
    for (let i = 0; i < 5; i++) window.dispatchEvent(new Event('online'))
    vi.advanceTimersByTime(MIN_CHECK_GAP_MS - 1)
    window.dispatchEvent(new Event('online'))
    expect(registration.update).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    window.dispatchEvent(new Event('online'))
    expect(registration.update).toHaveBeenCalledTimes(2)
  })

  it('skips the check while offline or while an update is already installing', () => {
    start()
    online = false
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS)
    online = true
    registration.installing = {}
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS)
    expect(registration.update).not.toHaveBeenCalled()
  })

  it('survives a failed check (server unreachable)', async () => {
    registration.update.mockRejectedValue(new TypeError('Failed to fetch'))
    start()
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS)
    await vi.advanceTimersByTimeAsync(0)
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS)
    expect(registration.update).toHaveBeenCalledTimes(2)
  })

  it('stops checking when stopped', () => {
    start()
    stop()
    vi.advanceTimersByTime(UPDATE_CHECK_INTERVAL_MS * 3)
    window.dispatchEvent(new Event('online'))
    expect(registration.update).not.toHaveBeenCalled()
  })
})

describe('offline-ready announcement', () => {
  it('is remembered once made', () => {
    localStorage.clear()
    expect(offlineReadyAlreadyAnnounced()).toBe(false)
    markOfflineReadyAnnounced(new Date('2026-01-05T09:00:00Z'))
    expect(offlineReadyAlreadyAnnounced()).toBe(true)
  })
})
