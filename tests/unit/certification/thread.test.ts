import { describe, expect, it } from 'vitest'
import {
  allowedCertMoves,
  certMoveRefusal,
  certThreadState,
  crossedWithdrawal,
  decisionsFrom,
  DEFAULT_CRITERIA,
  outcomeOf,
  validateAssessment,
  type CertState,
  type DecisionInput,
} from '@/domain/certification'
import type { CertEntry } from '@/domain/types'
import { certEntry, flatCheck, submission, sustainedCheck } from './fixtures'

const submitted = () => [certEntry('submit', 'colleague', 0)]
const endorsed = () => [...submitted(), certEntry('endorse', 'sponsor', 1)]
const notYet = () => [...endorsed(), certEntry('assess', 'office', 2, { outcome: 'not-yet' })]
const resubmitted = () => [...notYet(), certEntry('resubmit', 'colleague', 3)]
const certified = () => [...resubmitted(), certEntry('assess', 'office', 4, { outcome: 'certified' })]
const withdrawn = () => [...endorsed(), certEntry('withdraw', 'colleague', 2)]

describe('certThreadState', () => {
  it.each<[string, () => CertEntry[], CertState | null, number]>([
    ['nothing yet', () => [], null, 0],
    ['put forward', submitted, 'awaiting-sponsor', 1],
    ['endorsed', endorsed, 'awaiting-assessment', 1],
    ['not yet', notYet, 'not-yet', 1],
    ['sent again (the endorsement stands)', resubmitted, 'awaiting-assessment', 2],
    ['certified on the second round', certified, 'certified', 2],
    ['withdrawn', withdrawn, 'withdrawn', 1],
    // Moves that were not moves from the state at their time count for nothing:
    [
      'an assessment before the endorsement',
      () => [...submitted(), certEntry('assess', 'office', 1)],
      'awaiting-sponsor',
      1,
    ],
    [
      'an endorsement by the colleague role',
      () => [...submitted(), certEntry('endorse', 'colleague', 1)],
      'awaiting-sponsor',
      1,
    ],
    ['a second endorsement', () => [...endorsed(), certEntry('endorse', 'sponsor', 2)], 'awaiting-assessment', 1],
    [
      'a not-yet after a withdrawal that came first',
      () => [...withdrawn(), certEntry('assess', 'office', 3, { outcome: 'not-yet' })],
      'withdrawn',
      1,
    ],
    ['a withdrawal after certification', () => [...certified(), certEntry('withdraw', 'colleague', 9)], 'certified', 2],
    [
      'a resubmission before any assessment',
      () => [...endorsed(), certEntry('resubmit', 'colleague', 2)],
      'awaiting-assessment',
      1,
    ],
  ])('%s', (_name, entries, state, round) => {
    const result = certThreadState(entries())
    expect(result.state).toBe(state)
    expect(result.round).toBe(round)
  })

  it('reads entries in time order whatever order they arrived in', () => {
    const entries = certified()
    expect(certThreadState([...entries].reverse())).toEqual(certThreadState(entries))
    expect(certThreadState(entries).assessment?.outcome).toBe('certified')
  })
})

describe("a certification that crossed another tablet's entry", () => {
  const certify = (at: number) => certEntry('assess', 'office', at, { outcome: 'certified' })
  const withdraw = (at: number) => certEntry('withdraw', 'colleague', at)
  // Each move is checked on the tablet that makes it, so a withdrawal and a certification in one thread
  // were made without either seeing the other; the certification stands whatever the clocks say.
  it.each<[string, () => CertEntry[], CertState, string[]]>([
    [
      'withdrawn offline before the office certified',
      () => [...endorsed(), withdraw(2), certify(3)],
      'certified',
      ['withdraw'],
    ],
    [
      'withdrawn offline after the office certified',
      () => [...endorsed(), certify(2), withdraw(3)],
      'certified',
      ['withdraw'],
    ],
    [
      'withdrawn before the endorsement reached the withdrawing tablet',
      () => [...submitted(), withdraw(1), certEntry('endorse', 'sponsor', 2), certify(3)],
      'certified',
      ['withdraw'],
    ],
    [
      'withdrawn, then one assessor says not yet and another certifies',
      () => [...endorsed(), withdraw(2), certEntry('assess', 'office', 3, { outcome: 'not-yet' }), certify(4)],
      'certified',
      ['withdraw'],
    ],
    [
      'one assessor says not yet, another certifies, the team sends it again',
      () => [...notYet(), certify(3), certEntry('resubmit', 'colleague', 4)],
      'certified',
      ['assess', 'resubmit'],
    ],
    [
      'withdrawn while waiting and only a not-yet crossed it',
      () => [...withdrawn(), certEntry('assess', 'office', 3)],
      'withdrawn',
      [],
    ],
    ['withdrawn after a not-yet the team had seen', () => [...notYet(), withdraw(3)], 'withdrawn', []],
  ])('%s', (_name, entries, state, crossedKinds) => {
    const thread = entries()
    for (const order of [thread, [...thread].reverse()]) {
      const result = certThreadState(order)
      expect(result.state).toBe(state)
      expect(result.crossed.map((e) => e.kind)).toEqual(crossedKinds)
      expect(crossedWithdrawal(result)?.kind ?? null).toBe(crossedKinds.includes('withdraw') ? 'withdraw' : null)
    }
  })

  it('refuses every move once the crossing left it certified', () => {
    const thread = [...endorsed(), withdraw(2), certify(3)]
    expect(certMoveRefusal(submission(), thread, 'withdraw', 'colleague', 'Priya Shah')).toBe(
      'It has already been certified',
    )
    expect(allowedCertMoves(thread, 'colleague')).toEqual([])
  })
})

describe('allowedCertMoves', () => {
  it.each([
    ['put forward', submitted, 'colleague', ['withdraw']],
    ['put forward', submitted, 'sponsor', ['endorse']],
    ['put forward', submitted, 'office', []],
    ['endorsed', endorsed, 'office', ['assess']],
    ['endorsed', endorsed, 'sponsor', []],
    ['not yet', notYet, 'colleague', ['resubmit', 'withdraw']],
    ['not yet', notYet, 'office', []],
    ['certified', certified, 'colleague', []],
    ['certified', certified, 'office', []],
  ] as const)('%s: the %s may %j', (_name, entries, role, moves) => {
    expect(allowedCertMoves(entries(), role)).toEqual(moves)
  })
})

describe('certMoveRefusal', () => {
  const s = submission()
  it.each([
    ['the named sponsor endorses', submitted, 'endorse', 'sponsor', 'dr amir khan ', null],
    [
      'someone else endorses',
      submitted,
      'endorse',
      'sponsor',
      'Priya Shah',
      'Dr Amir Khan is named as the sponsor: only they can endorse it',
    ],
    [
      'the office assesses before the sponsor',
      submitted,
      'assess',
      'office',
      'Kay',
      'Only the improvement office can assess it, once the sponsor has endorsed it',
    ],
    ['the office assesses once endorsed', endorsed, 'assess', 'office', 'Kay', null],
    [
      'sent again while waiting',
      endorsed,
      'resubmit',
      'colleague',
      'Priya Shah',
      'It can be sent again only after the improvement office said "not yet"',
    ],
    ['anything once certified', certified, 'withdraw', 'colleague', 'Priya Shah', 'It has already been certified'],
    ['anything once withdrawn', withdrawn, 'assess', 'office', 'Kay', 'It was withdrawn'],
  ] as const)('%s', (_name, entries, kind, role, by, refusal) => {
    expect(certMoveRefusal(s, entries(), kind, role, by)).toBe(refusal)
  })
})

describe('validateAssessment', () => {
  const all = (decision: 'met' | 'not-yet', feedback = ''): DecisionInput[] =>
    DEFAULT_CRITERIA.map((c) => ({ criterionId: c.id, decision, feedback }))

  it('all met on a sustained improvement: no errors, certified', () => {
    const check = sustainedCheck()
    expect(check.verdict).toBe('sustained')
    expect(validateAssessment(DEFAULT_CRITERIA, all('met'), check)).toEqual({})
    expect(outcomeOf(decisionsFrom(DEFAULT_CRITERIA, all('met')))).toBe('certified')
  })

  it('measurable and sustainable cannot be met when the measure shows no improvement', () => {
    const check = flatCheck()
    expect(check.verdict).toBe('no-improvement')
    const errors = validateAssessment(DEFAULT_CRITERIA, all('met'), check)
    expect(Object.keys(errors).sort()).toEqual(['decision-measurable', 'decision-sustainable'])
    expect(errors['decision-sustainable']).toMatch(/^"Sustainable" cannot be met yet: The app cannot show it has held/)
  })

  it('cannot be met when the measure could not be read', () => {
    expect(validateAssessment(DEFAULT_CRITERIA, all('met'), null)['decision-measurable']).toMatch(
      'The measure could not be read on this device',
    )
  })

  it.each([
    [
      'no decision',
      { decision: '', feedback: '' },
      'decision-meaningful',
      'Choose whether "Meaningful" is met or not yet',
    ],
    [
      'not yet with no feedback',
      { decision: 'not-yet', feedback: '  ' },
      'feedback-meaningful',
      'Say what would get "Meaningful" there',
    ],
    [
      'feedback too long',
      { decision: 'not-yet', feedback: 'x'.repeat(1001) },
      'feedback-meaningful',
      'Feedback on "Meaningful" must be 1,000 characters or fewer',
    ],
  ] as const)('meaningful with %s', (_name, meaningful, key, message) => {
    const input = all('met').map((d) => (d.criterionId === 'meaningful' ? { ...d, ...meaningful } : d))
    expect(validateAssessment(DEFAULT_CRITERIA, input, sustainedCheck())).toEqual({ [key]: message })
  })

  it('feedback on one criterion is "not yet" overall, with the decisions in the criteria order', () => {
    const input = [...all('met')]
      .reverse()
      .map((d) =>
        d.criterionId === 'meaningful'
          ? { ...d, decision: 'not-yet' as const, feedback: 'Say what the patients noticed' }
          : d,
      )
    const decisions = decisionsFrom(DEFAULT_CRITERIA, input)
    expect(decisions.map((d) => [d.name, d.decision])).toEqual([
      ['Meaningful', 'not-yet'],
      ['Measurable', 'met'],
      ['Sustainable', 'met'],
    ])
    expect(outcomeOf(decisions)).toBe('not-yet')
    expect(outcomeOf([])).toBe('not-yet')
  })
})
