import { describe, expect, it } from 'vitest'
import { huddleSections, previousHuddle, recordNotes } from '@/domain/huddleRecord'
import type { AgendaItem, HuddleRecord } from '@/domain/types'

const agenda: AgendaItem[] = [
  { id: 'a1', title: 'Safety', kind: 'safety', seconds: 180 },
  { id: 'a2', title: "Today's plan", kind: 'plan', seconds: 180 },
  { id: 'a3', title: 'Recognition', kind: 'recognition', seconds: 60 },
  { id: 'a4', title: 'Any other business', kind: 'notes', seconds: 60 },
] as AgendaItem[]

function record(day: string, over: Partial<HuddleRecord> = {}): HuddleRecord {
  return {
    id: `h-${day}`,
    unitId: 'u',
    boardId: 'b',
    day,
    startedAt: `${day}T07:30:00.000Z`,
    endedAt: `${day}T07:45:00.000Z`,
    durationSeconds: 900,
    attendance: 6,
    facilitator: 'Sam',
    notes: '',
    timings: [],
    createdAt: '',
    updatedAt: '',
    updatedBy: 'Sam',
    ...over,
  }
}

describe('the huddle record', () => {
  it('keeps each notes step as its own section, in agenda order, leaving blank ones out', () => {
    expect(
      huddleSections(agenda, { a3: '  Thanks to Tom for the night cover ', a2: '2 discharges before 11', a4: ' ' }),
    ).toEqual([
      { kind: 'plan', title: "Today's plan", text: '2 discharges before 11' },
      { kind: 'recognition', title: 'Recognition', text: 'Thanks to Tom for the night cover' },
    ])
  })

  it('shows the sections and the general notes; an older record without sections shows its notes whole', () => {
    const sections = [{ kind: 'plan' as const, title: "Today's plan", text: 'Bay 3 closed' }]
    expect(
      recordNotes(record('2026-12-06', { sections, notes: "Short staffed\n\nToday's plan: Bay 3 closed" })),
    ).toEqual({
      sections,
      general: 'Short staffed',
    })
    expect(recordNotes(record('2026-12-06', { notes: 'Old style notes' }))).toEqual({
      sections: [],
      general: 'Old style notes',
    })
  })

  it("finds the last huddle before today, whose plan is today's huddle's 'yesterday's plan'", () => {
    const list = [record('2026-12-07'), record('2026-12-04'), record('2026-12-05')]
    expect(previousHuddle(list, '2026-12-07')?.day).toBe('2026-12-05')
    expect(previousHuddle([record('2026-12-07')], '2026-12-07')).toBeUndefined()
  })
})
