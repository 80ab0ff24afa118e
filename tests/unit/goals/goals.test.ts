import { describe, expect, it } from 'vitest'
import {
  canCreateGoalIn,
  canEditGoal,
  deploymentTree,
  linkedMeasureIds,
  canEditTerms,
  goalDraftOf,
  goalScopeOf,
  parentNames,
  sideOf,
  validateGoalDraft,
  type DeploymentNode,
  type GoalActor,
  type GoalDraft,
} from '@/domain/goals'
import type { Goal, GoalTier } from '@/domain/types'
import { goal, org } from './fixtures'

const trust: GoalActor = { tier: 'trust', scopeId: 'trust1' }
const medicine: GoalActor = { tier: 'csu', scopeId: 'medicine' }
const surgery: GoalActor = { tier: 'csu', scopeId: 'surgery' }
const ward7: GoalActor = { tier: 'unit', scopeId: 'ward7' }
const ward9: GoalActor = { tier: 'unit', scopeId: 'ward9' }

const csuGoal = goal()
const wardGoal = goal({ tier: 'unit', ownerScopeId: 'ward7', unitId: 'ward7', proposedBy: 'csu' })
const trustGoal = goal({
  tier: 'trust',
  ownerScopeId: 'trust1',
  unitId: 'library-trust1',
  proposedBy: null,
  parentGoalIds: [],
})

describe('sides of a goal', () => {
  it.each<[string, GoalActor, typeof csuGoal, 'upper' | 'lower' | null]>([
    ['the CSU owns its goal', medicine, csuGoal, 'lower'],
    ['the trust proposed it', trust, csuGoal, 'upper'],
    ['another CSU has no say', surgery, csuGoal, null],
    ['a ward has no say on its CSU’s goal', ward7, csuGoal, null],
    ['the ward owns its goal', ward7, wardGoal, 'lower'],
    ['its CSU proposes to it', medicine, wardGoal, 'upper'],
    ['the trust does not negotiate with wards', trust, wardGoal, null],
    ['another ward has no say', ward9, wardGoal, null],
    ['another CSU has no say on a ward', surgery, wardGoal, null],
    ['the trust owns its goals', trust, trustGoal, 'lower'],
    ['nobody is above the trust', medicine, trustGoal, null],
  ])('%s', (_name, actor, g, side) => {
    expect(sideOf(actor, g, org)).toBe(side)
  })
})

describe('who may set, propose and edit', () => {
  it.each<[string, GoalActor, GoalTier, string, boolean]>([
    ['the trust sets its own goals', trust, 'trust', 'trust1', true],
    ['the trust proposes to a CSU', trust, 'csu', 'medicine', true],
    ['the trust does not set ward goals', trust, 'unit', 'ward7', false],
    ['a CSU sets its own', medicine, 'csu', 'medicine', true],
    ['a CSU does not set another CSU’s', medicine, 'csu', 'surgery', false],
    ['a CSU proposes to its ward', medicine, 'unit', 'ward7', true],
    ['a CSU does not propose to another CSU’s ward', medicine, 'unit', 'theatres', false],
    ['a CSU does not set trust goals', medicine, 'trust', 'trust1', false],
    ['a ward sets its own', ward7, 'unit', 'ward7', true],
    ['a ward does not set another ward’s', ward7, 'unit', 'ward9', false],
    ['a ward does not set its CSU’s', ward7, 'csu', 'medicine', false],
  ])('%s', (_name, actor, tier, scope, allowed) => {
    expect(canCreateGoalIn(actor, tier, scope, org)).toBe(allowed)
  })

  it.each<[string, GoalActor, typeof csuGoal, boolean, boolean]>([
    ['the CSU edits its proposed goal but not the terms', medicine, csuGoal, true, false],
    ['the trust edits neither (it answers on the thread)', trust, csuGoal, false, false],
    ['a goal the CSU set itself: terms too', medicine, goal({ proposedBy: null }), true, true],
    ['the ward edits its goal (links a measure)', ward7, wardGoal, true, false],
    ['the CSU does not edit its ward’s goal', medicine, wardGoal, false, false],
  ])('%s', (_name, actor, g, edit, terms) => {
    expect(canEditGoal(actor, g)).toBe(edit)
    expect(canEditTerms(actor, g)).toBe(terms)
  })

  it('keeps trust goals in the trust library, which every tablet reads', () => {
    expect(goalScopeOf('trust', 'trust1')).toBe('library-trust1')
    expect(goalScopeOf('csu', 'medicine')).toBe('medicine')
    expect(goalScopeOf('unit', 'ward7')).toBe('ward7')
  })
})

describe('the goal form', () => {
  const draft = (over: Partial<GoalDraft> = {}): GoalDraft => ({
    ...goalDraftOf(undefined),
    title: 'Fewer falls',
    owner: 'Priya',
    parentGoalIds: ['c1'],
    ...over,
  })
  const context = { tier: 'unit' as const, measures: [{ id: 'm1', boardId: 'b1' }], parentIds: ['c1'] }

  it.each<[string, Partial<GoalDraft>, Record<string, string>]>([
    ['a title', { title: ' ' }, { title: 'Enter the goal' }],
    ['an owner', { owner: '' }, { owner: 'Enter who owns the goal' }],
    [
      'a title within the limit',
      { title: 'x'.repeat(201) },
      { title: 'The goal must be 200 characters or fewer (it has 201)' },
    ],
    ['a CSU goal it serves', { parentGoalIds: [] }, { parentGoalIds: 'Choose the CSU goal this serves' }],
    [
      'a parent still there',
      { parentGoalIds: ['gone'] },
      { parentGoalIds: 'A goal it served is no longer there: choose again' },
    ],
    ['a ward does not roll up', { measure: 'roll-up' }, { measure: 'A ward goal uses one of its board measures' }],
    [
      'a measure still on the board',
      { measure: 'm9' },
      { measure: 'That measure is no longer on the board: choose another' },
    ],
    [
      'numbers',
      { baseline: '1O', target: '2000000000' },
      { baseline: 'Enter the baseline as a number, like 85 or 2.5', target: 'The target is too large' },
    ],
    ['a real date', { targetDay: '2027-13-01' }, { targetDay: 'Enter a real date, like 31/03/2027' }],
  ])('needs %s', (_name, over, errors) => {
    expect(validateGoalDraft(draft(over), context).errors).toEqual(errors)
  })

  it('a proposal needs its target and date', () => {
    expect(validateGoalDraft(draft(), { ...context, proposing: true }).errors).toEqual({
      target: 'Enter the target you propose',
      targetDay: 'Enter the date the target is for',
    })
  })

  it('gives the fields to store', () => {
    const { fields } = validateGoalDraft(
      draft({ measure: 'm1', baseline: '12', target: '8', targetDay: '2027-03-31' }),
      context,
    )
    expect(fields).toEqual({
      title: 'Fewer falls',
      owner: 'Priya',
      kind: 'goal',
      parentGoalIds: ['c1'],
      measure: { kind: 'measure', measureId: 'm1', boardId: 'b1' },
      direction: 'higher',
      baseline: 12,
      target: 8,
      targetDay: '2027-03-31',
      conceptIds: [],
    })
  })

  it('a trust goal links to nothing above and keeps its kind', () => {
    const { fields, errors } = validateGoalDraft(
      draft({ parentGoalIds: [], kind: 'breakthrough', measure: 'roll-up' }),
      {
        tier: 'trust',
        measures: [],
        parentIds: [],
      },
    )
    expect(errors).toEqual({})
    expect(fields).toMatchObject({ kind: 'breakthrough', parentGoalIds: [], measure: { kind: 'roll-up' } })
  })

  it('names parents from the goals held, else the title kept when it was linked', () => {
    const g = goal({ parentGoalIds: ['t1', 't2'], parentTitles: { t1: 'Old title', t2: 'Best flow' } })
    expect(parentNames(g, [goal({ id: 't1', title: 'No avoidable harm' })])).toEqual(['No avoidable harm', 'Best flow'])
  })
})

describe('the deployment tree', () => {
  const t1 = goal({
    id: 't1',
    tier: 'trust',
    ownerScopeId: 'trust1',
    unitId: 'library-trust1',
    title: 'No avoidable harm',
    parentGoalIds: [],
    proposedBy: null,
  })
  const t2 = goal({
    id: 't2',
    tier: 'trust',
    ownerScopeId: 'trust1',
    unitId: 'library-trust1',
    title: 'Care on time',
    parentGoalIds: [],
    proposedBy: null,
  })
  const c1 = goal({ id: 'c1', title: 'Fewer falls', parentGoalIds: ['t1'] })
  const c2 = goal({ id: 'c2', title: 'Fewer pressure ulcers', parentGoalIds: ['t1'] })
  const w1 = goal({
    id: 'w1',
    tier: 'unit',
    ownerScopeId: 'ward7',
    unitId: 'ward7',
    title: 'Bay 2 cohorting',
    parentGoalIds: ['c1'],
    parentTitles: { c1: 'Fewer falls' },
    measure: { kind: 'measure', measureId: 'm-falls', boardId: 'b7' },
  })
  const archived = goal({ id: 'c3', title: 'Old goal', parentGoalIds: ['t2'], archived: true })
  const all = [t1, t2, c1, c2, w1, archived]
  const shape = (nodes: DeploymentNode[]): unknown[] =>
    nodes.map((n) => ({ id: n.id, gap: n.gap, held: n.goal !== null, children: shape(n.children) }))

  it.each<[string, GoalTier, Goal[], unknown[], unknown[]]>([
    [
      'a trust tablet sees every gap',
      'trust',
      all,
      [
        { id: 't2', gap: 'No CSU has taken this goal up yet', held: true, children: [] },
        {
          id: 't1',
          gap: null,
          held: true,
          children: [
            { id: 'c1', gap: null, held: true, children: [{ id: 'w1', gap: null, held: true, children: [] }] },
            { id: 'c2', gap: 'No ward supports this goal yet', held: true, children: [] },
          ],
        },
      ],
      [],
    ],
    [
      'a CSU tablet speaks for its own CSU',
      'csu',
      [t2],
      [{ id: 't2', gap: 'Our CSU has not taken this goal up yet', held: true, children: [] }],
      [],
    ],
    [
      'a ward tablet reaches its CSU’s goal by the kept title and calls out no gap it cannot see',
      'unit',
      [t1, t2, w1],
      [
        { id: 't2', gap: null, held: true, children: [] },
        { id: 't1', gap: null, held: true, children: [] },
      ],
      [{ id: 'c1', gap: null, held: false, children: [{ id: 'w1', gap: null, held: true, children: [] }] }],
    ],
  ])('%s', (_name, viewer, goals, roots, heldBelow) => {
    const view = deploymentTree(goals, viewer)
    expect(shape(view.roots)).toEqual(roots)
    expect(shape(view.heldBelow)).toEqual(heldBelow)
  })

  it('lists the measures the tree links, once each', () => {
    expect(linkedMeasureIds(deploymentTree(all, 'trust'))).toEqual(['m-falls'])
    expect(deploymentTree([w1], 'unit').heldBelow[0]!.title).toBe('Fewer falls')
  })
})
