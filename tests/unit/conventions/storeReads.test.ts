import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// Stores hold UI state and commands; they read rows through src/db (queries, repo and the
// small read modules), so index names and table shapes live in one layer and a pull
// updates every screen through its live query. The sync store may hand the database to
// the engine it wires up, but it does not query a table itself.
const STORES = readdirSync('src/stores').filter((file) => file.endsWith('.ts'))

/** Direct table reads or writes: `db.ideas.where(…)`, `database.notSent.count()`. */
function tableCallsIn(source: string): string[] {
  return [...source.matchAll(/\b(?:db|database)\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`)
}

describe('stores do not query Dexie tables', () => {
  it('finds a table call and passes a call through src/db', () => {
    expect(tableCallsIn('notSent.value = await db.notSent.count()')).toEqual(['notSent.count'])
    expect(tableCallsIn("const rows = await db.entries.where('[boardId+day]')")).toEqual(['entries.where'])
    expect(tableCallsIn('notSent.value = await countNotSent()')).toEqual([])
    expect(tableCallsIn('createSyncEngine({ database: db, transport })')).toEqual([])
  })

  it('covers the stores', () => {
    expect(STORES).toContain('sync.ts')
    expect(STORES).toContain('board.ts')
  })

  it.each(STORES)('%s', (file) => {
    expect(tableCallsIn(readFileSync(`src/stores/${file}`, 'utf8')), `${file}: read through src/db`).toEqual([])
  })
})
