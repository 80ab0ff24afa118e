import { describe, expect, it } from 'vitest'
import { MAX_VALUE_LENGTH, describeChange, describeValue, historyLine, type NameLookup } from '@/domain/changeText'
import type { FieldChange, HistoryEntry } from '@/domain/types'

const lookup: NameLookup = (field, id) => (field === 'measureId' && id === 'm-1' ? 'Falls' : undefined)
const long = 'Re-stock the falls sensor mats in bay 2 and check every one of them works before the night shift'

describe('describeValue', () => {
  it.each<[string, unknown, string]>([
    ['dueDay', '2026-11-27', '27/11/2026'],
    ['closedAt', '2026-11-26T07:42:00.000Z', '26/11/2026 07:42'],
    ['archived', true, 'Yes'],
    ['archived', false, 'No'],
    ['value', 3, '3'],
    ['value', 92.5, '92.5'],
    ['value', 'amber', 'Amber'],
    ['status', 'cancelled', 'Cancelled'],
    ['direction', 'lower', 'lower is better'],
    ['goodAnswer', 'no', 'No'],
    ['owner', 'Sam Okafor', 'Sam Okafor'],
    ['title', 'Chase estates', '“Chase estates”'],
    ['title', 'two\n  lines', '“two lines”'],
    ['conceptIds', ['five-s', 'pdsa'], '5S, PDSA'],
    ['conceptIds', ['not-a-concept'], 'not-a-concept'],
    ['people', ['Sam', 'Priya'], 'Sam, Priya'],
    [
      'categories',
      [
        { id: 'safety', name: 'Safety' },
        { id: 'flow', name: 'Flow' },
      ],
      'Safety, Flow',
    ],
    ['agenda', [{ id: 'a', title: 'Safety', seconds: 60 }], 'Safety'],
    ['thresholds', { green: 95, red: 85 }, 'green 95, red 85'],
    ['measureId', 'm-1', 'Falls'],
    ['measureId', 'm-unknown', 'm-unknown'],
    ['dueDay', null, ''],
    ['comment', '', ''],
    ['conceptIds', [], ''],
    ['owner', undefined, ''],
  ])('%s %j → %s', (field, value, expected) => {
    expect(describeValue(field, value, lookup)).toBe(expected)
  })

  it('shortens long text to one line with an ellipsis', () => {
    const shown = describeValue('owner', long)
    expect(shown.length).toBe(MAX_VALUE_LENGTH)
    expect(shown.endsWith('…')).toBe(true)
    expect(long.startsWith(shown.slice(0, -1))).toBe(true)
  })
})

const updated = (...changes: FieldChange[]) => ({ kind: 'updated' as const, changes })

describe('describeChange', () => {
  it.each<[string, Pick<HistoryEntry, 'kind' | 'changes'>, string]>([
    ['a new record', { kind: 'created', changes: [{ field: 'title', from: undefined, to: 'x' }] }, 'created this'],
    [
      'a new day value with a comment',
      {
        kind: 'created',
        changes: [
          { field: 'value', from: undefined, to: 'amber' },
          { field: 'comment', from: undefined, to: 'Near miss in bay 2' },
          { field: 'day', from: undefined, to: '2026-11-26' },
        ],
      },
      'recorded value Amber and comment “Near miss in bay 2”',
    ],
    [
      'a new day value without a comment',
      {
        kind: 'created',
        changes: [
          { field: 'value', from: undefined, to: false },
          { field: 'comment', from: undefined, to: '' },
        ],
      },
      'recorded value No',
    ],
    ['archiving', { kind: 'archived', changes: [{ field: 'archived', from: false, to: true }] }, 'archived this'],
    ['restoring', { kind: 'restored', changes: [] }, 'restored this'],
    ['deleting', { kind: 'deleted', changes: [] }, 'deleted this'],
    [
      'a status change (closedAt is implied)',
      updated(
        { field: 'status', from: 'open', to: 'done' },
        { field: 'closedAt', from: null, to: '2026-11-26T07:42:00.000Z' },
      ),
      'changed status from Open to Done',
    ],
    [
      'a reopen',
      updated(
        { field: 'status', from: 'done', to: 'open' },
        { field: 'closedAt', from: '2026-11-26T07:42:00.000Z', to: null },
      ),
      'changed status from Done to Open',
    ],
    [
      'a date set for the first time',
      updated({ field: 'dueDay', from: null, to: '2026-11-27' }),
      'set due date to 27/11/2026',
    ],
    ['a date removed', updated({ field: 'dueDay', from: '2026-11-27', to: null }), 'cleared due date'],
    ['a linked measure', updated({ field: 'measureId', from: null, to: 'm-1' }), 'set linked measure to Falls'],
    ['a move', updated({ field: 'order', from: 3, to: 2.5 }), 'changed the position'],
    [
      'two fields',
      updated({ field: 'title', from: 'A', to: 'B' }, { field: 'owner', from: 'Sam', to: 'Priya' }),
      'changed title from “A” to “B” and changed owner from Sam to Priya',
    ],
    [
      'three fields',
      updated(
        { field: 'owner', from: 'Sam', to: 'Priya' },
        { field: 'dueDay', from: '2026-11-27', to: '2026-11-30' },
        { field: 'conceptIds', from: [], to: ['pdsa'] },
      ),
      'changed owner from Sam to Priya, changed due date from 27/11/2026 to 30/11/2026 and set LIM concepts to PDSA',
    ],
    [
      'only an implied field',
      updated({ field: 'closedAt', from: null, to: '2026-11-26T07:42:00.000Z' }),
      'updated this',
    ],
  ])('%s', (_, entry, expected) => {
    expect(describeChange(entry, lookup)).toBe(expected)
  })
})

describe('historyLine', () => {
  it('puts when and who in front of what', () => {
    const entry = {
      at: '2026-11-26T07:42:00.000Z',
      by: 'Sam Okafor',
      ...updated({ field: 'status', from: 'open', to: 'done' }),
    }
    expect(historyLine(entry)).toBe('26/11/2026 07:42 – Sam Okafor changed status from Open to Done')
  })
})
