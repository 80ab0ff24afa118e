// Ideas sync like every other table: one raised on another tablet shows on this one's
// idea board after a pull, and a move made here reaches the other tablet.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, resetDatabase } from '@/db/db'
import { newIdeaFields } from '@/domain/ideas'
import type { Idea } from '@/domain/types'
import { useIdeasStore } from '@/stores/ideas'
import { useOrgStore } from '@/stores/org'
import { useSyncStore } from '@/stores/sync'
import { MemorySyncServer } from '../../helpers/memorySyncServer'
import { enrolDatabase, makeTablet, transportFor } from '../sync/client/tablets'

let server: MemorySyncServer

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  server = new MemorySyncServer()
  useSyncStore().useTransport(transportFor(server, db))
})

describe('ideas and sync', () => {
  it('shows an idea raised on another tablet once it is pulled, and sends a move made here', async () => {
    const board = await useOrgStore().setUp(
      {
        trustName: 'Leeds',
        csuName: 'Medicine',
        unitName: 'Ward 7',
        unitKind: 'ward',
        boardName: 'Ward 7 board',
        people: [],
      },
      'Sam',
    )
    await enrolDatabase(server, db, board.unitId)
    const ideas = useIdeasStore()
    await ideas.load(board.id, board.unitId)
    const sync = useSyncStore()
    await sync.syncNow()

    const other = makeTablet('other', server)
    await other.enrol(board.unitId)
    await other.engine.syncOnce()
    await other.repo.saveRecord<Idea>(
      'ideas',
      {
        id: 'idea-1',
        unitId: board.unitId,
        boardId: board.id,
        ...newIdeaFields(
          { problem: 'Hunting for the bladder scanner', idea: 'Give it a marked home by bay 3', wastes: ['motion'] },
          new Date(),
        ),
      },
      'Anonymous',
    )
    await other.engine.syncOnce()

    await sync.syncNow()
    expect(ideas.columns.new.map((i) => i.problem)).toEqual(['Hunting for the bladder scanner'])

    await ideas.move('idea-1', 'testing', '', 'Sam')
    await sync.syncNow()
    await other.engine.syncOnce()
    expect(await other.database.ideas.get('idea-1')).toMatchObject({
      status: 'testing',
      wastes: ['motion'],
      raisedBy: null,
    })
    other.database.close()
  })
})
