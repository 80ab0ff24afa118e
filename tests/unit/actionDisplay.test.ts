import { describe, expect, it } from 'vitest'
import {
  filterActions,
  quickDueDays,
  urgencyLabel,
  validateActionForm,
  type ActionFilter,
} from '@/domain/actionDisplay'
import type { ActionStatus } from '@/domain/types'

const today = '2026-11-26'

describe('urgencyLabel', () => {
  it.each<[ActionStatus, string | null, string, string | null, string | null]>([
    ['open', '2026-11-25', 'overdue', 'Overdue', 'warning'],
    ['open', '2026-11-26', 'due-today', 'Due today', 'clock'],
    ['open', '2026-11-27', 'upcoming', null, null],
    ['open', null, 'no-date', null, null],
    ['done', '2026-11-01', 'closed', 'Done', 'tick'],
    ['cancelled', '2026-11-01', 'closed', 'Cancelled', 'cross'],
  ])('%s due %s → %s', (status, dueDay, urgency, word, icon) => {
    expect(urgencyLabel({ status, dueDay }, today)).toEqual({ urgency, word, icon })
  })
})

describe('filterActions', () => {
  const actions = [
    { id: 'open-1', status: 'open' as const, closedAt: null },
    { id: 'done-old', status: 'done' as const, closedAt: '2026-11-20T09:00:00.000Z' },
    { id: 'cancelled', status: 'cancelled' as const, closedAt: '2026-11-22T09:00:00.000Z' },
    { id: 'open-2', status: 'open' as const, closedAt: null },
    { id: 'done-new', status: 'done' as const, closedAt: '2026-11-25T09:00:00.000Z' },
  ]
  it.each<[ActionFilter, string[]]>([
    ['open', ['open-1', 'open-2']], // keeps the board order it was given
    ['done', ['done-new', 'done-old']], // most recently closed first
    ['cancelled', ['cancelled']],
    ['all', ['open-1', 'done-old', 'cancelled', 'open-2', 'done-new']],
  ])('%s', (filter, ids) => {
    expect(filterActions(actions, filter).map((a) => a.id)).toEqual(ids)
  })
})

describe('validateActionForm', () => {
  const valid = { title: 'Chase estates', owner: 'Sam Okafor', dueDay: '' }
  it.each<[string, { title: string; owner: string; dueDay: string }, boolean, Record<string, string>]>([
    ['a complete new action', valid, false, {}],
    ['an empty title', { ...valid, title: '   ' }, false, { title: 'Enter what needs doing' }],
    ['no owner', { ...valid, owner: '' }, false, { owner: 'Enter who will do it' }],
    [
      'a new action due in the past',
      { ...valid, dueDay: '2026-11-25' },
      false,
      { dueDay: 'The due date is in the past' },
    ],
    ['a new action due today', { ...valid, dueDay: today }, false, {}],
    ['an edited action due in the past', { ...valid, dueDay: '2026-11-01' }, true, {}],
    [
      'a date that does not exist',
      { ...valid, dueDay: '2026-02-30' },
      false,
      { dueDay: 'Enter a real due date, like 27/11/2026' },
    ],
  ])('%s', (_, draft, editing, errors) => {
    expect(validateActionForm(draft, { today, editing })).toEqual(errors)
  })
})

describe('quickDueDays', () => {
  it('offers today, tomorrow and a week on, across a month end', () => {
    expect(quickDueDays('2026-11-30')).toEqual([
      { label: 'Today', day: '2026-11-30' },
      { label: 'Tomorrow', day: '2026-12-01' },
      { label: 'In a week', day: '2026-12-07' },
    ])
  })
})
