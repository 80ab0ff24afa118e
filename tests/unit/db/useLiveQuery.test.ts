import { effectScope, ref } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import { db, resetDatabase } from '@/db/db'
import { useLiveQuery } from '@/db/useLiveQuery'

/** Waits until `check` passes (liveQuery answers asynchronously, after IndexedDB does). */
async function until(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the live query')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

afterEach(resetDatabase)

describe('useLiveQuery', () => {
  it('answers, then answers again when a write changes what it read', async () => {
    const scope = effectScope()
    const live = scope.run(() => useLiveQuery(() => db.meta.get('x').then((row) => row?.value ?? null), 'initial'))!
    expect(live.loaded.value).toBe(false)
    expect(live.data.value).toBe('initial')
    await until(() => live.loaded.value)
    expect(live.data.value).toBeNull()
    await db.meta.put({ key: 'x', value: 'one' })
    await until(() => live.data.value === 'one')
    scope.stop()
  })

  it('starts again when its arguments change, and ignores answers for the old ones', async () => {
    await db.meta.bulkPut([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ])
    const key = ref('a')
    const scope = effectScope()
    const live = scope.run(() =>
      useLiveQuery(() => db.meta.get(key.value).then((row) => row?.value), undefined as unknown, key),
    )!
    await until(() => live.data.value === 1)
    key.value = 'b'
    expect(live.loaded.value).toBe(false)
    await until(() => live.data.value === 2)
    expect(live.loaded.value).toBe(true)
    scope.stop()
  })

  it('settled() resolves with the write its caller just made already showing', async () => {
    const scope = effectScope()
    const live = scope.run(() => useLiveQuery(() => db.meta.count(), -1))!
    await live.settled()
    expect(live.data.value).toBe(0)
    await db.meta.put({ key: 'w', value: 1 })
    await live.settled()
    expect(live.data.value).toBe(1)
    expect(live.loaded.value).toBe(true)
    scope.stop()
  })

  it('settled() after a change of arguments waits for the answer for the new ones', async () => {
    await db.meta.bulkPut([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ])
    const key = ref('a')
    const scope = effectScope()
    const live = scope.run(() =>
      useLiveQuery(() => db.meta.get(key.value).then((row) => row?.value), undefined as unknown, key),
    )!
    await live.settled()
    expect(live.data.value).toBe(1)
    key.value = 'b'
    await live.settled()
    expect(live.data.value).toBe(2)
    scope.stop()
  })

  it('stops listening when its scope is disposed', async () => {
    const scope = effectScope()
    const live = scope.run(() => useLiveQuery(() => db.meta.count(), -1))!
    await until(() => live.data.value === 0)
    scope.stop()
    await db.meta.put({ key: 'y', value: 1 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(live.data.value).toBe(0)
  })

  it('keeps the last answer and reports the error when the query throws', async () => {
    let fail = false
    const scope = effectScope()
    const live = scope.run(() =>
      useLiveQuery(async () => {
        const count = await db.meta.count()
        if (fail) throw new Error('boom')
        return count
      }, -1),
    )!
    await until(() => live.data.value === 0)
    fail = true
    await db.meta.put({ key: 'z', value: 1 })
    await until(() => live.error.value !== null)
    expect(live.data.value).toBe(0)
    scope.stop()
  })
})
