import { describe, expect, it } from 'vitest'
import {
  archiveRefusal,
  bowlingMonths,
  deploymentTree,
  goalReviewDraftOf,
  goalReviewId,
  huddleMonth,
  reviewRefusal,
  REVIEW_COMMENTARY_MAX,
  validateGoalReview,
  type GoalActor,
  type GoalReviewDraft,
} from '@/domain/goals'
import type { CatchBallEntry } from '@/domain/types'
import { entry, goal, T80, T85 } from './fixtures'

const trust: GoalActor = { tier: 'trust', scopeId: 'trust1' }
const medicine: GoalActor = { tier: 'csu', scopeId: 'medicine' }
const surgery: GoalActor = { tier: 'csu', scopeId: 'surgery' }
const ward7: GoalActor = { tier: 'unit', scopeId: 'ward7' }

const csuGoal = goal()
const archived = goal({ archived: true })
const months = ['2026-11', '2026-12', '2027-01']

describe('who may write a month of the review', () => {
  it.each<[string, GoalActor | null, typeof csuGoal, string, string | null]>([
    ['the goal’s own tier, this month', medicine, csuGoal, '2026-12', null],
    ['the goal’s own tier, a month gone', medicine, csuGoal, '2026-11', null],
    ['the tier above reads it only', trust, csuGoal, '2026-12', 'Only the goal’s own tier writes its monthly review'],
    ['another CSU', surgery, csuGoal, '2026-12', 'Only the goal’s own tier writes its monthly review'],
    ['a ward below', ward7, csuGoal, '2026-12', 'Only the goal’s own tier writes its monthly review'],
    ['no board chosen', null, csuGoal, '2026-12', 'Only the goal’s own tier writes its monthly review'],
    ['an archived goal', medicine, archived, '2026-12', 'The goal is archived: bring it back to review it'],
    ['a month not yet started', medicine, csuGoal, '2027-01', 'A month is reviewed once it has started'],
    ['a month outside the chart', medicine, csuGoal, '2026-10', 'That month is outside the goal’s review'],
  ])('%s', (_, actor, g, month, refusal) => {
    expect(reviewRefusal(actor, g, month, months, '2026-12')).toBe(refusal)
  })
})

describe('a month’s review as typed', () => {
  it.each<[string, GoalReviewDraft, Record<string, string>]>([
    ['commentary and a status', { commentary: '  Fewer falls at night  ', status: 'on-track' }, {}],
    ['no commentary', { commentary: '   ', status: 'done' }, { commentary: 'Enter a short commentary on the month' }],
    ['no status', { commentary: 'Rounds started', status: '' }, { status: 'Choose where the countermeasures stand' }],
    [
      'too long',
      { commentary: 'a'.repeat(REVIEW_COMMENTARY_MAX + 1), status: 'at-risk' },
      { commentary: `The commentary must be ${REVIEW_COMMENTARY_MAX} characters or fewer (it has 601)` },
    ],
  ])('%s', (_, draft, errors) => {
    const checked = validateGoalReview(draft)
    expect(checked.errors).toEqual(errors)
    if (Object.keys(errors).length) expect(checked.fields).toBeUndefined()
    else expect(checked.fields).toEqual({ commentary: draft.commentary.trim(), status: draft.status })
  })

  it('a status made up elsewhere is refused', () => {
    const draft = { commentary: 'Fine', status: 'green' } as unknown as GoalReviewDraft
    expect(validateGoalReview(draft).errors.status).toBe('Choose where the countermeasures stand')
  })

  it('the form opens with what is stored, or empty', () => {
    expect(goalReviewDraftOf(undefined)).toEqual({ commentary: '', status: '' })
    expect(goalReviewDraftOf({ commentary: 'Rounds', status: 'done' })).toEqual({
      commentary: 'Rounds',
      status: 'done',
    })
  })

  it('one record per goal and month, the same on every tablet', () => {
    expect(goalReviewId('g1', '2026-12')).toBe('g1_2026-12')
    expect(goalReviewId('g1', '2026-12')).not.toBe(goalReviewId('g1', '2027-01'))
  })
})

describe('archiving a goal', () => {
  const agreed: CatchBallEntry[] = [entry('propose', 'upper', 0, T85), entry('accept', 'lower', 5)]
  const open: CatchBallEntry[] = [entry('propose', 'upper', 0, T85), entry('counter', 'lower', 5, T80, 'Staffing')]
  it.each<[string, GoalActor | null, typeof csuGoal, boolean, CatchBallEntry[], string | null]>([
    ['its own tier archives an agreed goal', medicine, csuGoal, true, agreed, null],
    ['its own tier archives a goal it set itself', medicine, goal({ proposedBy: null }), true, [], null],
    ['its own tier brings it back', medicine, archived, false, agreed, null],
    ['the tier above may not', trust, csuGoal, true, agreed, 'Only the goal’s own tier archives it or brings it back'],
    ['nor bring it back', trust, archived, false, agreed, 'Only the goal’s own tier archives it or brings it back'],
    ['another CSU may not', surgery, csuGoal, true, agreed, 'Only the goal’s own tier archives it or brings it back'],
    [
      'nor anyone without a board',
      null,
      csuGoal,
      true,
      agreed,
      'Only the goal’s own tier archives it or brings it back',
    ],
    ['twice', medicine, archived, true, agreed, 'The goal is archived already'],
    ['back when it is not archived', medicine, csuGoal, false, agreed, 'The goal is not archived'],
    [
      'a proposal not yet answered',
      medicine,
      csuGoal,
      true,
      agreed.slice(0, 1),
      'The goal is still in catch-ball: answer the tier above first',
    ],
    [
      'a goal in discussion',
      medicine,
      csuGoal,
      true,
      open,
      'The goal is still in catch-ball: answer the tier above first',
    ],
    ['back while in discussion', medicine, archived, false, open, null],
  ])('%s', (_, actor, g, archive, thread, refusal) => {
    expect(archiveRefusal(actor, g, archive, thread)).toBe(refusal)
  })
})

describe('the months a review runs over and the one a huddle looks at', () => {
  const g = { createdAt: '2026-10-20T09:00:00.000Z', targetDay: '2027-01-31' as string | null }
  it.each<[string, string | null, string, string[]]>([
    [
      'from when it was set to its target date',
      '2027-01-31',
      '2026-12-07',
      ['2026-10', '2026-11', '2026-12', '2027-01'],
    ],
    ['to this month with no target date', null, '2026-12-07', ['2026-10', '2026-11', '2026-12']],
    ['to this month when the date is before it was set', '2026-09-30', '2026-11-07', ['2026-10', '2026-11']],
  ])('%s', (_, targetDay, today, expected) => {
    expect(bowlingMonths({ ...g, targetDay }, today)).toEqual(expected)
  })

  const chart = ['2026-10', '2026-11', '2026-12'].map((month) => ({ month }))
  it.each<[string, string, string | undefined]>([
    ['this month while it runs', '2026-11', '2026-11'],
    ['its last month once the date has passed', '2027-02', '2026-12'],
    ['nothing before it was set', '2026-09', undefined],
  ])('%s', (_, thisMonth, shown) => {
    expect(huddleMonth(chart, thisMonth)?.month).toBe(shown)
  })
})

describe('archived goals in the deployment view', () => {
  const trustGoal = goal({ id: 't1', tier: 'trust', ownerScopeId: 'trust1', parentGoalIds: [], proposedBy: null })
  const csu = goal({ id: 'c1', parentGoalIds: ['t1'] })
  const ward = goal({ id: 'w1', tier: 'unit', ownerScopeId: 'ward7', unitId: 'ward7', parentGoalIds: ['c1'] })
  it.each<[string, boolean, boolean, string[], string | null]>([
    ['a live ward goal serves its CSU goal', false, false, ['w1'], null],
    ['archived, it is left out and the CSU goal is a gap', true, false, [], 'No ward supports this goal yet'],
    ['shown archived, it still serves nothing', true, true, ['w1'], 'No ward supports this goal yet'],
  ])('%s', (_, archived, withArchived, children, gap) => {
    const tree = deploymentTree([trustGoal, csu, { ...ward, archived }], 'csu', withArchived)
    const csuNode = tree.roots[0]!.children[0]!
    expect(csuNode.children.map((c) => c.id)).toEqual(children)
    expect(csuNode.gap).toBe(gap)
  })

  it('an archived goal shown is never a gap itself', () => {
    const tree = deploymentTree([trustGoal, { ...csu, archived: true }], 'csu', true)
    expect(tree.roots[0]!.children[0]!.gap).toBeNull()
    expect(tree.roots[0]!.gap).toBe('Our CSU has not taken this goal up yet')
  })
})
