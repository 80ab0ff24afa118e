import { describe, expect, it } from 'vitest'
import {
  allowedMoves,
  catchBallRefusal,
  goalTerms,
  termsText,
  threadState,
  validateCatchBall,
  type GoalState,
} from '@/domain/goals'
import type { CatchBallEntry, CatchBallKind } from '@/domain/types'
import { entry, goal, T80, T85 } from './fixtures'

const propose = () => entry('propose', 'upper', 0, T85, 'Safety is our first goal')
const counter = (side: 'upper' | 'lower', minutes: number, terms = T80) =>
  entry('counter', side, minutes, terms, 'Two new starters this winter')

describe('catch-ball thread state', () => {
  it.each<[string, () => CatchBallEntry[], GoalState | null, 'upper' | 'lower' | null]>([
    ['nothing proposed', () => [], null, null],
    ['proposed', () => [propose()], 'proposed', 'upper'],
    ['the ward accepts the proposal', () => [propose(), entry('accept', 'lower', 5)], 'agreed', 'upper'],
    ['the proposer cannot agree to its own terms', () => [propose(), entry('agree', 'upper', 5)], 'proposed', 'upper'],
    ['a counter-proposal', () => [propose(), counter('lower', 5)], 'in-discussion', 'lower'],
    [
      'the lower side cannot accept its own counter',
      () => [propose(), counter('lower', 5), entry('accept', 'lower', 6)],
      'in-discussion',
      'lower',
    ],
    [
      'the trust agrees to the counter',
      () => [propose(), counter('lower', 5), entry('agree', 'upper', 9)],
      'agreed',
      'lower',
    ],
    [
      'a question opens the discussion',
      () => [propose(), entry('question', 'lower', 2, null, 'Why 85?')],
      'in-discussion',
      'upper',
    ],
    [
      'accepted after a question is answered',
      () => [
        propose(),
        entry('question', 'lower', 2, null, 'Why 85?'),
        entry('answer', 'upper', 3, null, 'National standard'),
        entry('accept', 'lower', 4),
      ],
      'agreed',
      'upper',
    ],
    [
      'a change proposed after agreement reopens it',
      () => [propose(), entry('accept', 'lower', 5), counter('upper', 60)],
      'in-discussion',
      'upper',
    ],
    [
      'a question after agreement leaves it agreed',
      () => [propose(), entry('accept', 'lower', 5), entry('question', 'upper', 60, null, 'Still on track?')],
      'agreed',
      'upper',
    ],
  ])('%s', (_name, thread, state, termsBy) => {
    const result = threadState(thread())
    expect(result.state).toBe(state)
    expect(result.termsBy).toBe(termsBy)
  })

  it('reads entries in time order whatever order they arrived in', () => {
    const thread = [propose(), counter('lower', 5), entry('agree', 'upper', 9)]
    expect(threadState([...thread].reverse())).toEqual(threadState(thread))
  })

  it('two tablets offline: an acceptance made before a counter that arrives later leaves it in discussion', () => {
    const accepted = entry('accept', 'lower', 5)
    const changed = counter('upper', 7, { target: 90, targetDay: '2027-03-31' })
    const state = threadState([propose(), changed, accepted])
    expect(state.state).toBe('in-discussion')
    expect(state.terms).toEqual({ target: 90, targetDay: '2027-03-31' })
  })

  it('keeps unanswered questions, answered ones drop off oldest first', () => {
    const q1 = entry('question', 'lower', 1, null, 'Why 85?')
    const q2 = entry('question', 'lower', 2, null, 'By when?')
    const state = threadState([propose(), q1, q2, entry('answer', 'upper', 3, null, 'National standard')])
    expect(state.openQuestions.map((q) => q.id)).toEqual([q2.id])
  })

  it('a goal shows the latest terms on its thread, or its own when it has none', () => {
    expect(goalTerms(goal(), [])).toEqual({ target: 8, targetDay: '2027-03-31' })
    expect(goalTerms(goal(), [propose(), counter('lower', 5)])).toEqual(T80)
    expect(termsText(T80, '%')).toBe('80% by 31/03/2027')
    expect(termsText({ target: null, targetDay: null })).toBe('no target yet')
  })
})

describe('who may do what', () => {
  it.each<[string, () => CatchBallEntry[], 'upper' | 'lower', CatchBallKind[]]>([
    ['nothing yet: the tier above proposes', () => [], 'upper', ['propose']],
    ['nothing yet: the tier below waits', () => [], 'lower', []],
    ['proposed: the tier below', () => [propose()], 'lower', ['accept', 'counter', 'question']],
    ['proposed: the tier above', () => [propose()], 'upper', ['counter', 'question']],
    [
      'countered: the tier above agrees',
      () => [propose(), counter('lower', 5)],
      'upper',
      ['agree', 'counter', 'question'],
    ],
    [
      'countered: the tier below waits on its own terms',
      () => [propose(), counter('lower', 5)],
      'lower',
      ['counter', 'question'],
    ],
    [
      'asked: the other side may answer',
      () => [propose(), entry('question', 'lower', 2, null, 'Why?')],
      'upper',
      ['counter', 'question', 'answer'],
    ],
    [
      'asked: the asker cannot answer itself',
      () => [propose(), entry('question', 'lower', 2, null, 'Why?')],
      'lower',
      ['accept', 'counter', 'question'],
    ],
    [
      'agreed: either side may reopen or ask',
      () => [propose(), entry('accept', 'lower', 5)],
      'upper',
      ['counter', 'question'],
    ],
    ['agreed: the tier below', () => [propose(), entry('accept', 'lower', 5)], 'lower', ['counter', 'question']],
  ])('%s', (_name, thread, side, moves) => {
    expect(allowedMoves(thread(), side)).toEqual(moves)
  })

  it('says why a move is refused once another tablet moved the thread on', () => {
    const thread = [propose(), entry('accept', 'lower', 5)]
    expect(catchBallRefusal(thread, 'accept', 'lower')).toBe(
      'You cannot accept here: it is now “Agreed”. What you typed is kept.',
    )
    expect(catchBallRefusal(thread, 'counter', 'lower')).toBeUndefined()
  })
})

describe('validating a move', () => {
  const typed = (over: Partial<{ text: string; target: string; targetDay: string }> = {}) => ({
    text: '',
    target: '',
    targetDay: '',
    ...over,
  })
  it.each<[string, CatchBallKind, ReturnType<typeof typed>, Record<string, string>]>([
    [
      'a change needs its reasons',
      'counter',
      typed({ target: '80', targetDay: '2027-03-31' }),
      { text: 'Enter your reasons for the change' },
    ],
    [
      'a change needs a target',
      'counter',
      typed({ text: 'Staffing', targetDay: '2027-03-31' }),
      { target: 'Enter the target' },
    ],
    [
      'a target is a number',
      'propose',
      typed({ target: 'lots', targetDay: '2027-03-31' }),
      { target: 'Enter the target as a number, like 85 or 2.5' },
    ],
    [
      'a real date',
      'propose',
      typed({ target: '85', targetDay: '2027-02-30' }),
      { targetDay: 'Enter a real date, like 31/03/2027' },
    ],
    ['a date is needed', 'propose', typed({ target: '85' }), { targetDay: 'Enter the date the target is for' }],
    [
      'the same terms again are not a change',
      'counter',
      typed({ text: 'Hmm', target: '85', targetDay: '2027-03-31' }),
      { target: 'This is the target and date already proposed: change one, or ask a question instead' },
    ],
    ['a question needs words', 'question', typed(), { text: 'Enter your question' }],
    ['an answer needs words', 'answer', typed({ text: '  ' }), { text: 'Enter your answer' }],
    ['an acceptance may say nothing', 'accept', typed(), {}],
    [
      'a note is limited',
      'agree',
      typed({ text: 'x'.repeat(1001) }),
      { text: 'A note must be 1000 characters or fewer (it has 1001)' },
    ],
  ])('%s', (_name, kind, input, errors) => {
    expect(validateCatchBall(kind, input, T85).errors).toEqual(errors)
  })

  it('gives the terms of a valid counter-proposal, trimmed text', () => {
    expect(
      validateCatchBall('counter', typed({ text: ' Staffing ', target: '80', targetDay: '2027-03-31' }), T85),
    ).toEqual({
      errors: {},
      text: 'Staffing',
      terms: T80,
    })
  })
})
