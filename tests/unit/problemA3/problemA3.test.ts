import { describe, expect, it } from 'vitest'
import {
  CAUSE_TEXT_MAX,
  applyCountermeasureEdits,
  causeCount,
  causesOf,
  changedTextFields,
  problemA3DraftOf,
  problemA3Id,
  rootCause,
  validateProblemA3,
  whyChain,
  whyQuestion,
  whyStepsShown,
  type CountermeasureDraft,
  type ProblemA3Draft,
} from '@/domain/problemA3'
import type { Countermeasure, ProblemA3 } from '@/domain/types'

function draft(over: Partial<ProblemA3Draft> = {}): ProblemA3Draft {
  return { ...problemA3DraftOf(undefined, { title: 'Meals missed at lunch', measureId: null }), ...over }
}

function cm(id: string, over: Partial<Countermeasure> = {}): Countermeasure {
  return { id, text: `Do ${id}`, owner: 'Sam', dueDay: null, actionId: null, ...over }
}

function cmDraft(id: string, over: Partial<CountermeasureDraft> = {}): CountermeasureDraft {
  return { id, text: `Do ${id}`, owner: 'Sam', dueDay: '', actionId: null, makeAction: false, ...over }
}

describe('the 5 whys chain', () => {
  it.each([
    ['nothing written', {}, []],
    ['one answer', { because1: 'No red trays' }, [{ step: 1, why: '', because: 'No red trays' }]],
    [
      'trailing empty steps are left off, a middle question kept',
      { because1: 'A', why2: 'Why A?', because2: ' B ' },
      [
        { step: 1, why: '', because: 'A' },
        { step: 2, why: 'Why A?', because: 'B' },
      ],
    ],
    [
      'an open question at the end',
      { because1: 'A', why2: 'Why A?' },
      [
        { step: 1, why: '', because: 'A' },
        { step: 2, why: 'Why A?', because: '' },
      ],
    ],
  ] as const)('%s', (_name, fields, expected) => {
    expect(whyChain(fields)).toEqual(expected)
  })

  it.each([
    ['a typed question is used', { why1: 'Why are meals missed?' }, 1, 'Why are meals missed?'],
    ['the first asks about the problem', {}, 1, 'Why? (Meals missed)'],
    ['a later one asks about the answer before', { because1: 'No red trays' }, 2, 'Why? (No red trays)'],
    ['no answer before: plain why', {}, 3, 'Why?'],
  ] as const)('%s', (_name, fields, step, expected) => {
    expect(whyQuestion(fields, step, 'Meals missed')).toBe(expected)
  })

  it.each([
    ['no answers', {}, ''],
    ['the last answer', { because1: 'A', because2: 'B', because3: 'C' }, 'C'],
    ['an open question after the last answer', { because1: 'A', why2: 'Why A?' }, 'A'],
  ] as const)('root cause: %s', (_name, fields, expected) => {
    expect(rootCause(fields)).toBe(expected)
  })

  it.each([
    [{}, 1],
    [{ because1: 'A' }, 1],
    [{ because1: 'A', why3: 'Q' }, 3],
  ] as const)('the form shows the steps written, at least one (%j → %i)', (fields, shown) => {
    expect(whyStepsShown(fields)).toBe(shown)
  })
})

describe('the fishbone', () => {
  it('reads one cause a line, dropping blank lines and spaces', () => {
    expect(causesOf(' Night staffing \n\n  Agency staff  \r\n')).toEqual(['Night staffing', 'Agency staff'])
    expect(causesOf(undefined)).toEqual([])
    expect(causeCount({ causesPeople: 'a\nb', causesMethods: 'c', causesMeasurement: '' })).toBe(3)
  })
})

describe('validating a draft', () => {
  it.each<[string, Partial<ProblemA3Draft>, Record<string, RegExp>]>([
    ['a problem and nothing else is enough', {}, {}],
    ['the problem is needed', { title: '  ' }, { title: /Enter the problem/ }],
    ['a box over its limit', { background: 'x'.repeat(1001) }, { background: /1,000 characters or fewer/ }],
    ['a gap in the chain', { because1: 'A', why3: 'Why B?', because3: 'C' }, { because2: /Enter the answer to why 2/ }],
    ['an open question at the end is fine', { because1: 'A', why2: 'Why A?' }, {}],
    ['a why over its limit', { why1: 'x'.repeat(201) }, { why1: /200 characters/ }],
    [
      'too many causes in a category',
      { causesPeople: 'a\nb\nc\nd\ne\nf\ng' },
      { causesPeople: /People has 7 causes: keep the 6/ },
    ],
    [
      'a cause over its limit',
      { causesMethods: `ok\n${'y'.repeat(CAUSE_TEXT_MAX + 1)}` },
      { causesMethods: /Each methods cause must be 80 characters or fewer/ },
    ],
    [
      'an empty countermeasure',
      { countermeasures: [cmDraft('c1', { text: ' ' })] },
      { 'countermeasure-c1-text': /Enter countermeasure 1, or remove it/ },
    ],
    [
      'an action needs an owner',
      { countermeasures: [cmDraft('c1', { owner: '', makeAction: true })] },
      { 'countermeasure-c1-owner': /an action needs an owner/ },
    ],
    ['a countermeasure without an action needs no owner', { countermeasures: [cmDraft('c1', { owner: '' })] }, {}],
    [
      'a date that is not a day',
      { countermeasures: [cmDraft('c1', { dueDay: '2026-02-30' })] },
      { 'countermeasure-c1-dueDay': /real date/ },
    ],
    [
      'too many countermeasures',
      { countermeasures: Array.from({ length: 9 }, (_, i) => cmDraft(`c${i}`)) },
      { countermeasures: /8 countermeasures at most/ },
    ],
  ])('%s', (_name, over, expected) => {
    const errors = validateProblemA3(draft(over))
    expect(Object.keys(errors).sort()).toEqual(Object.keys(expected).sort())
    for (const [field, pattern] of Object.entries(expected)) expect(errors[field]).toMatch(pattern)
  })
})

describe('what a save sends', () => {
  it('sends the text fields that changed, trimmed', () => {
    const shown = draft({ background: 'Old', because1: 'A' })
    expect(changedTextFields({ ...shown, background: ' New ', because1: 'A ' }, shown)).toEqual({ background: 'New' })
  })

  it('starts a new A3 from the subject, and an existing one from what is stored', () => {
    expect(problemA3DraftOf(undefined, { title: 'Meals missed', measureId: 'm1' })).toMatchObject({
      title: 'Meals missed',
      measureId: 'm1',
      because1: '',
      countermeasures: [],
    })
    const stored = {
      title: 'Stored',
      measureId: null,
      because2: 'B',
      countermeasures: [cm('c1', { dueDay: '2027-01-12', actionId: 'a1' })],
    } as unknown as ProblemA3
    expect(problemA3DraftOf(stored, { title: 'Meals missed', measureId: 'm1' })).toMatchObject({
      title: 'Stored',
      measureId: '',
      because2: 'B',
      background: '',
      countermeasures: [{ id: 'c1', dueDay: '2027-01-12', actionId: 'a1', makeAction: false }],
    })
  })

  it('keys an A3 by its subject, the same on every tablet', () => {
    expect(problemA3Id('ideas', 'i1')).toBe('a3-idea-i1')
    expect(problemA3Id('escalations', 'e1')).toBe('a3-escalation-e1')
  })
})

describe('countermeasure edits applied to the list as stored', () => {
  const a = cm('a')
  const b = cm('b')
  const c = cm('c')
  it.each<[string, Countermeasure[], Countermeasure[], Countermeasure[], Countermeasure[]]>([
    ['nothing changed', [a, b], [a, b], [a, b], [a, b]],
    ['one added here', [a], [a, b], [a], [a, b]],
    ['one added here, another pulled meanwhile: both kept', [a], [a, b], [a, c], [a, c, b]],
    ['one removed here', [a, b], [a], [a, b], [a]],
    ['one changed here', [a], [{ ...a, owner: 'Priya' }], [a], [{ ...a, owner: 'Priya' }]],
    [
      'one changed elsewhere and not here: theirs stays',
      [a],
      [a],
      [{ ...a, text: 'Theirs' }],
      [{ ...a, text: 'Theirs' }],
    ],
    [
      'changed here after it became an action elsewhere: the action link stays',
      [a],
      [{ ...a, owner: 'Priya' }],
      [{ ...a, actionId: 'act1' }],
      [{ ...a, owner: 'Priya', actionId: 'act1' }],
    ],
    [
      'changed here, removed meanwhile: comes back',
      [a, b],
      [a, { ...b, text: 'Kept' }],
      [a],
      [a, { ...b, text: 'Kept' }],
    ],
    ['removed meanwhile, untouched here: stays removed', [a, b], [a, b], [a], [a]],
  ])('%s', (_name, shown, edited, stored, expected) => {
    expect(applyCountermeasureEdits(shown, edited, stored)).toEqual(expected)
  })
})
