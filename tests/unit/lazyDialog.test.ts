// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchWhenIdle } from '@/composables/lazyDialog'

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
})
