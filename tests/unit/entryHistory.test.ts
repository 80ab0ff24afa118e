import { describe, expect, it } from 'vitest'
import { describeHistoryEntry } from '@/domain/entryHistory'
import type { HistoryEntry } from '@/domain/types'

const show = (field: string, value: unknown) =>
  field === 'comment' ? (value ? `“${String(value)}”` : '(blank)') : String(value)
// 14:05 UTC on 26 Nov is 14:05 in London (GMT); in June it would be 15:05 (BST).
const at = '2026-11-26T14:05:00.000Z'
const entry = (kind: HistoryEntry['kind'], changes: HistoryEntry['changes'], when = at): HistoryEntry => ({
  id: 'h', unitId: 'u', table: 'entries', recordId: 'm:2026-11-26', at: when, by: 'Sam Okafor', kind, changes,
})
const FIELDS = ['value', 'comment']

describe('describeHistoryEntry', () => {
  it.each<[string, HistoryEntry, string]>([
    ['a change of value', entry('updated', [{ field: 'value', from: 2, to: 3 }]), '26/11/2026 14:05 – Sam Okafor changed value from 2 to 3'],
    ['two changes', entry('updated', [{ field: 'value', from: 2, to: 3 }, { field: 'comment', from: '', to: 'Bed 4' }]),
      '26/11/2026 14:05 – Sam Okafor changed value from 2 to 3 and comment from (blank) to “Bed 4”'],
    ['a new entry, bookkeeping fields left out', entry('created', [{ field: 'measureId', from: undefined, to: 'm' }, { field: 'value', from: undefined, to: 1 }, { field: 'comment', from: undefined, to: '' }]),
      '26/11/2026 14:05 – Sam Okafor recorded value 1'],
    ['a new entry with a comment', entry('created', [{ field: 'value', from: undefined, to: 0 }, { field: 'comment', from: undefined, to: 'Quiet day' }]),
      '26/11/2026 14:05 – Sam Okafor recorded value 0 and comment “Quiet day”'],
    ['summer time is shown in London time', entry('updated', [{ field: 'value', from: 1, to: 0 }], '2026-06-01T07:30:00.000Z'),
      '01/06/2026 08:30 – Sam Okafor changed value from 1 to 0'],
  ])('%s', (_, item, expected) => {
    expect(describeHistoryEntry(item, show, FIELDS)).toBe(expected)
  })

  it('without a field list, every change is described with its label', () => {
    expect(describeHistoryEntry(entry('updated', [{ field: 'dueDay', from: 'a', to: 'b' }]), show)).toBe('26/11/2026 14:05 – Sam Okafor changed due date from a to b')
  })

  it.each([
    ['archived', '26/11/2026 14:05 – Sam Okafor archived it'],
    ['restored', '26/11/2026 14:05 – Sam Okafor restored it'],
  ] as const)('%s reads as a plain verb', (kind, expected) => {
    expect(describeHistoryEntry(entry(kind, [{ field: 'archived', from: false, to: true }]), show)).toBe(expected)
  })
})
