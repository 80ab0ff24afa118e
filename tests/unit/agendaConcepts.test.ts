import { describe, expect, it } from 'vitest'
import { draftFromAgenda, validateAgendaDraft } from '@/domain/huddle'
import type { AgendaItem } from '@/domain/types'

// Huddle agenda items can link to LIM concepts: the editor's draft keeps the
// links, and saving passes them on; items that never had any stay without the field.
describe('agenda items and their concept links', () => {
  const agenda: AgendaItem[] = [
    { id: 'safety', title: 'Safety', seconds: 120, kind: 'safety', conceptIds: ['safety-cross'] },
    { id: 'plan', title: "Today's plan", seconds: 180, kind: 'plan' },
  ]

  it('keeps the links through the draft and back', () => {
    const draft = draftFromAgenda(agenda, 15)
    expect(draft.items.map((i) => i.conceptIds)).toEqual([['safety-cross'], undefined])
    draft.items[1] = { ...draft.items[1]!, conceptIds: ['daily-management'] }
    draft.items[0] = { ...draft.items[0]!, conceptIds: [] }
    expect(validateAgendaDraft(draft).agenda).toEqual([
      { id: 'safety', title: 'Safety', seconds: 120, kind: 'safety' },
      { id: 'plan', title: "Today's plan", seconds: 180, kind: 'plan', conceptIds: ['daily-management'] },
    ])
  })
})
