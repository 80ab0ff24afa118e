// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchWhenIdle, holdIdleFetches } from '@/composables/lazyDialog'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('fetchWhenIdle', () => {
  it('fetches the dialog once the browser is idle, not during the first paint', () => {
    const idle: (() => void)[] = []
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback))
    const loader = vi.fn(() => Promise.resolve({}))
    fetchWhenIdle(loader)
    expect(loader).not.toHaveBeenCalled()
    idle.forEach((callback) => callback())
    expect(loader).toHaveBeenCalledTimes(1)
  })

  it('waits two seconds where there is no idle callback (Safari), and a failed fetch is not an error', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestIdleCallback', undefined)
    const loader = vi.fn(() => Promise.reject(new Error('offline')))
    fetchWhenIdle(loader)
    vi.advanceTimersByTime(1999)
    expect(loader).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(loader).toHaveBeenCalledTimes(1)
    await Promise.resolve()
  })

  it('fetches nothing while a screen holds idle fetches (its values not shown yet), then once idle after the release', () => {
    const idle: (() => void)[] = []
    const runIdle = () => idle.splice(0).forEach((callback) => callback())
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback))
    const before = vi.fn(() => Promise.resolve({}))
    fetchWhenIdle(before)
    const release = holdIdleFetches()
    const during = vi.fn(() => Promise.resolve({}))
    fetchWhenIdle(during)
    // An idle moment while the screen still waits on IndexedDB is not the time to fetch.
    runIdle()
    expect(before).not.toHaveBeenCalled()
    expect(during).not.toHaveBeenCalled()
    release()
    release() // a second release (unmounted after its values showed) changes nothing
    expect(before).not.toHaveBeenCalled()
    runIdle()
    expect(before).toHaveBeenCalledTimes(1)
    expect(during).toHaveBeenCalledTimes(1)
    fetchWhenIdle(before)
    runIdle()
    expect(before).toHaveBeenCalledTimes(2)
  })

  it('waits for every hold', () => {
    const idle: (() => void)[] = []
    const runIdle = () => idle.splice(0).forEach((callback) => callback())
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback))
    const first = holdIdleFetches()
    const second = holdIdleFetches()
    const loader = vi.fn(() => Promise.resolve({}))
    fetchWhenIdle(loader)
    first()
    runIdle()
    expect(loader).not.toHaveBeenCalled()
    second()
    runIdle()
    expect(loader).toHaveBeenCalledTimes(1)
  })
})
