// A record's history on a tablet that pulled a change: "Changed on another tablet by …".
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { historyText } from '@/domain/changeText'
import type { Action, HistoryEntry } from '@/domain/types'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { action, board, makeTablet, unit, type Tablet } from './tablets'

let server: MemorySyncServer
let a: Tablet
let b: Tablet
let c: Tablet

beforeEach(async () => {
  server = new MemorySyncServer()
  a = makeTablet('a', server)
  b = makeTablet('b', server)
  c = makeTablet('c', server)
  await a.enrol()
  await a.repo.saveRecords(
    [
      { table: 'units', record: unit() },
      { table: 'boards', record: board() },
      { table: 'actions', record: action() },
    ],
    'Sam',
  )
  await a.engine.syncOnce()
  await b.enrol()
  await b.engine.syncOnce()
  await c.enrol()
  await c.engine.syncOnce()
})

afterEach(() => {
  for (const tablet of [a, b, c]) tablet.database.close()
})

async function historyOn(tablet: Tablet, id = 'action-1'): Promise<HistoryEntry[]> {
  return tablet.repo.historyOf('actions', id)
}

const texts = (entries: HistoryEntry[]) => entries.map((entry) => historyText(entry))

describe('history of changes pulled from another tablet', () => {
  it('records who created a record on the tablet that pulled it, but not what a new tablet catches up on', async () => {
    // B's first pull brought what the unit already held: not news, so no entry each.
    expect(await historyOn(b)).toEqual([])
    await a.repo.saveRecord('actions', action({ id: 'action-2', title: 'Order more slide sheets' }), 'Sam')
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    expect(texts(await historyOn(b, 'action-2'))).toEqual(['Created on another tablet by Sam'])
    expect(await historyOn(b, 'action-2')).toEqual([
      expect.objectContaining({ kind: 'created', fromOtherTablet: true, unitId: 'unit-7' }),
    ])
  })

  it('records the field changes and who made them, once, and nothing on the tablet that made them', async () => {
    await a.repo.updateRecord<Action>('actions', 'action-1', { owner: 'Priya', dueDay: '2026-11-30' }, 'Priya')
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    await b.engine.syncOnce()
    await a.engine.syncOnce()

    const onB = await historyOn(b)
    expect(texts(onB)[0]).toBe(
      'Changed on another tablet by Priya: owner from Sam to Priya and set due date to 30/11/2026',
    )
    expect(onB[0]).toMatchObject({ kind: 'updated', by: 'Priya', fromOtherTablet: true })
    expect(onB).toHaveLength(1)
    // A made the change: its own entry only, none for pulling it back.
    expect((await historyOn(a)).map((entry) => [entry.kind, entry.fromOtherTablet ?? false])).toEqual([
      ['updated', false],
      ['created', false],
    ])
  })

  it('keeps changes from two tablets apart, naming each writer it can know', async () => {
    await c.repo.updateRecord<Action>(
      'actions',
      'action-1',
      { title: 'Sluice door: call estates', status: 'done' },
      'Jo',
    )
    await c.engine.syncOnce()
    await a.engine.syncOnce()
    await a.repo.updateRecord<Action>('actions', 'action-1', { owner: 'Priya' }, 'Priya')
    await a.engine.syncOnce()
    await b.engine.syncOnce()

    expect(texts(await historyOn(b)).slice(0, 2)).toEqual([
      'Changed on another tablet by Priya: owner from Sam to Priya',
      'Changed on another tablet by Jo: title from “Fix the sluice door” to “Sluice door: call estates” and status from Open to Done',
    ])
  })

  it('says a change was made elsewhere without naming anyone when the writer cannot be known', async () => {
    await c.repo.updateRecord<Action>('actions', 'action-1', { status: 'done' }, 'Jo')
    await c.engine.syncOnce()
    await a.engine.syncOnce()
    await a.repo.updateRecord<Action>('actions', 'action-1', { owner: 'Priya' }, 'Priya')
    await a.engine.syncOnce()
    await b.engine.syncOnce()

    const [owner, status] = await historyOn(b)
    expect(historyText(status!)).toBe('Changed on another tablet: status from Open to Done')
    expect(historyText(owner!)).toBe('Changed on another tablet by Priya: owner from Sam to Priya')
  })

  it('records a delete made on another tablet', async () => {
    await a.repo.deleteRecord('actions', 'action-1', 'Priya')
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    expect(texts(await historyOn(b))[0]).toBe('Deleted on another tablet by Priya')
  })

  it('adds nothing for a pull that changes nothing on screen', async () => {
    await b.repo.updateRecord<Action>('actions', 'action-1', { owner: 'Jo' }, 'Jo')
    const before = await historyOn(b)
    // B's own change is still unsent: pulling an older server copy leaves the screen as it is.
    await b.engine.pullOnce()
    expect(await historyOn(b)).toEqual(before)
  })

  it('says a day pulled from another tablet was imported from a spreadsheet', async () => {
    const day = (value: number, importedAt: string) => ({
      table: 'entries' as const,
      kind: 'imported' as const,
      record: {
        id: 'm-falls:2026-01-05',
        unitId: 'unit-7',
        measureId: 'm-falls',
        boardId: 'board-1',
        day: '2026-01-05',
        value,
        comment: '',
        importedFrom: 'falls.xlsx',
        importedAt,
      },
    })
    await a.repo.saveRecords([day(3, '2026-02-01T09:00:00.000Z')], 'Sam')
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    await a.repo.saveRecords([day(5, '2026-02-02T09:00:00.000Z')], 'Sam')
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    const entries = await b.repo.historyOf('entries', 'm-falls:2026-01-05')
    expect(texts(entries)).toEqual([
      // The file's name is told when it changes; a second import of the same file is still an import.
      'Imported on another tablet by Sam: value 5 (was 3) from a spreadsheet',
      'Imported on another tablet by Sam: value 3 from falls.xlsx',
    ])
  })
})
