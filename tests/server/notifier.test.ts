// The notifier tells live streams when a scope's sequence goes up: a push made in this process at once, on
// commit, with the scope's new sequence; one made by another process through the poll (SQLite) or LISTEN
// (PostgreSQL).
import { afterEach, describe, expect, it } from 'vitest'
import { createScopeNotifier, type ScopeNotifier } from '../../server/sync/notifier.ts'
import { pushMutations } from '../../server/sync/push.ts'
import { BACKENDS, newScope, openTestDatabase, type TestDatabase } from './backends.ts'
import { mutation } from './fixtures.ts'

async function until<T>(check: () => T | undefined, timeoutMs = 3_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const found = check()
    if (found !== undefined) return found
    if (Date.now() - started > timeoutMs) throw new Error('Timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe.each(BACKENDS)('scope notifier on %s', (backend) => {
  let test: TestDatabase | undefined
  let notifier: ScopeNotifier | undefined
  afterEach(async () => {
    await notifier?.close()
    await test?.close()
    notifier = undefined
    test = undefined
  })

  it("tells this process's pushes on commit, with the scope's new sequence, without waiting for a poll", async () => {
    test = await openTestDatabase(backend)
    // A poll far longer than the test: only the commit itself can tell the listener.
    notifier = await createScopeNotifier(test.db, test.config, { pollMs: 600_000 })
    const scope = newScope()
    const heard: number[] = []
    notifier.subscribe(scope, (seq) => heard.push(seq))
    await pushMutations(test.db, [
      mutation(scope, 'a', { title: { set: 'one' } }),
      mutation(scope, 'b', { title: { set: 'two' } }),
    ])
    // Told before pushMutations resolves: the listener ran as the push returned. (PostgreSQL's NOTIFY may tell
    // the same sequence again later; a listener acts only when it goes up.)
    expect([...new Set(heard)]).toEqual([2])
    await pushMutations(test.db, [mutation(scope, 'a', { title: { set: 'three' } })])
    expect([...new Set(heard)]).toEqual([2, 3])
  })

  it("hears another process's pushes too", async () => {
    test = await openTestDatabase(backend)
    notifier = await createScopeNotifier(test.db, test.config, { pollMs: 50 })
    const scope = newScope()
    const heard: number[] = []
    notifier.subscribe(scope, (seq) => heard.push(seq))
    await pushMutations(test.openAnother(), [mutation(scope, 'a', { title: { set: 'elsewhere' } })])
    await until(() => (heard.includes(1) ? true : undefined))
    expect(Math.max(...heard)).toBe(1)
  })

  it('stops telling once closed', async () => {
    test = await openTestDatabase(backend)
    notifier = await createScopeNotifier(test.db, test.config, { pollMs: 600_000 })
    const scope = newScope()
    const heard: number[] = []
    notifier.subscribe(scope, (seq) => heard.push(seq))
    await notifier.close()
    notifier = undefined
    await pushMutations(test.db, [mutation(scope, 'a', { title: { set: 'after close' } })])
    expect(heard).toEqual([])
  })
})
