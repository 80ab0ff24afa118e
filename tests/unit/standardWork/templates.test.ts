import { describe, expect, it } from 'vitest'
import {
  completionProblem,
  drawCard,
  moveStep,
  nextVersion,
  normaliseTemplate,
  templateInput,
  validateOutcome,
  validateTemplate,
  type TemplateInput,
} from '@/domain/standardWork'
import { result, run, step, template } from './fixtures'

const base = template('t1', { kind: 'daily', dueBy: '10:00' })
const input = (changes: Partial<TemplateInput> = {}): TemplateInput => ({ ...templateInput(base), ...changes })

describe('template validation', () => {
  it('accepts a titled template with steps', () => {
    expect(validateTemplate(input())).toEqual({})
  })

  it.each<[string, Partial<TemplateInput>, string, RegExp]>([
    ['no title', { title: '  ' }, 'title', /^Enter a title$/],
    ['no steps', { steps: [] }, 'steps', /Add at least one step/],
    ['only a blank step', { steps: [step('a', '  ')] }, 'steps', /Add at least one step/],
    [
      'a 5,000-character step',
      { steps: [step('a', 'x'.repeat(5000))] },
      'step-1-text',
      /500 characters or fewer \(it has 5,000\)/,
    ],
    ['no shift chosen', { frequency: { kind: 'every-shift', shifts: [] } }, 'frequency', /at least one shift/],
    ['no weekday chosen', { frequency: { kind: 'weekly', days: [], dueBy: '10:00' } }, 'frequency', /day of the week/],
    ['a due time that is not a time', { frequency: { kind: 'daily', dueBy: '10am' } }, 'frequency', /like 10:00/],
    [
      'expected minutes of 0',
      { steps: [{ ...step('a'), expectedMinutes: 0 }] },
      'step-1-minutes',
      /whole number from 1/,
    ],
    [
      'a blank step between two others',
      { steps: [step('a'), { ...step('b', ''), keyPoint: 'why' }, step('c')] },
      'step-2-text',
      /Enter the text of step 2/,
    ],
  ])('explains %s', (_, changes, field, message) => {
    expect(validateTemplate(input(changes))[field]).toMatch(message)
  })

  it('drops empty step rows and trims what is saved', () => {
    const saved = normaliseTemplate(
      input({ title: ' Safety walk ', steps: [step('a', ' Check exits '), step('b', '')] }),
    )
    expect(saved.title).toBe('Safety walk')
    expect(saved.steps.map((s) => s.text)).toEqual(['Check exits'])
  })
})

describe('versioning', () => {
  it('makes no new version when nothing changed', () => {
    expect(nextVersion(base, input())).toBeNull()
  })

  it('makes version + 1 with only the changed fields', () => {
    expect(nextVersion(base, input({ title: 'New title' }))).toEqual({ title: 'New title', version: 2 })
  })

  it('counts a reworded or reordered step as a change, keeping step ids', () => {
    const reordered = nextVersion(base, input({ steps: moveStep(base.steps, 1, -1) }))
    expect(reordered?.version).toBe(2)
    expect(reordered?.steps?.map((s) => s.id)).toEqual(['s2', 's1'])
  })

  it('a run keeps the version and steps it followed', () => {
    const r = run(base, '2026-11-26/daily', '2026-11-26T10:00:00.000Z', null)
    const edited = { ...base, ...nextVersion(base, input({ steps: [step('s1', 'Reworded')] }))! }
    expect(edited.version).toBe(2)
    expect(r.templateVersion).toBe(1)
    expect(r.steps.map((s) => s.text)).toEqual(['Step s1', 'Step s2'])
  })
})

describe('moving steps', () => {
  it.each([
    [0, 1, ['b', 'a', 'c']],
    [2, -1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
  ])('moves step %i by %i', (index, delta, expected) => {
    expect(moveStep(['a', 'b', 'c'], index, delta)).toEqual(expected)
  })
})

describe('doing a checklist', () => {
  it('needs a reason for Not done', () => {
    expect(validateOutcome('not-done', '  ')).toMatch(/Say why this step was not done/)
    expect(validateOutcome('not-done', 'No stock')).toBeUndefined()
    expect(validateOutcome('done', '')).toBeUndefined()
    expect(validateOutcome('not-done', 'x'.repeat(1001))).toMatch(/1,000 characters or fewer/)
  })

  it('completes only when every step has an answer', () => {
    const r = run(base, '2026-11-26/daily', '2026-11-26T10:00:00.000Z', null)
    expect(completionProblem(r, [])).toMatch(/2 steps have no answer yet/)
    expect(completionProblem(r, [result(r, 's1', 'done')])).toMatch(/step 2 has no answer yet/)
    expect(completionProblem(r, [result(r, 's1', 'done'), result(r, 's2', 'not-applicable')])).toBeUndefined()
  })
})

describe('kamishibai draw', () => {
  const cards = [
    template('a', { kind: 'on-demand' }, { auditCard: true }),
    template('b', { kind: 'on-demand' }, { auditCard: true }),
    template('c', { kind: 'on-demand' }),
  ]

  it('draws only audit cards, using the random source', () => {
    expect(drawCard(cards, () => 0)?.id).toBe('a')
    expect(drawCard(cards, () => 0.99)?.id).toBe('b')
  })

  it('does not draw the same card twice in a row', () => {
    expect(drawCard(cards, () => 0, 'a')?.id).toBe('b')
  })

  it('draws nothing when there are no audit cards', () => {
    expect(drawCard([cards[2]!], () => 0)).toBeNull()
  })
})
