// The goal screens: the CSU answers the trust's proposal on the goal's catch-ball (a change needs its
// reasons, nothing is stored until it has them), and a ward sets a goal that serves a CSU goal it knows
// only from the goals proposed to it, linked to one of its board measures.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, recreateDatabase } from '@/db/db'
import { threadState } from '@/domain/goals'
import type { CatchBallEntry, Goal } from '@/domain/types'
import { useActorStore } from '@/stores/actor'
import { useOrgStore } from '@/stores/org'
import GoalFormView from '@/views/GoalFormView.vue'
import GoalView from '@/views/GoalView.vue'
import GoalA3EditView from '@/views/GoalA3EditView.vue'
import GoalA3View from '@/views/GoalA3View.vue'
import GoalDeploymentView from '@/views/GoalDeploymentView.vue'
import GoalsView from '@/views/GoalsView.vue'
import BoardGoalsTile from '@/components/goals/BoardGoalsTile.vue'
import HuddleGoals from '@/components/goals/HuddleGoals.vue'
import { CSU_BOARD } from './escalationsFixture'
import { makeEntry, makeMeasure, seedBoard } from './boardFixture'
import { addDays, addMonths, londonDay } from '@/domain/dates'
import { buttonNamed, loadCommandModules, settle } from '../helpers/dom'

beforeAll(loadCommandModules)

const at = '2026-11-01T09:00:00.000Z'
let wrapper: VueWrapper | undefined

const goal = (over: Partial<Goal> & Pick<Goal, 'id' | 'tier' | 'ownerScopeId' | 'unitId' | 'title'>): Goal => ({
  createdAt: at,
  updatedAt: at,
  updatedBy: 'Seed',
  kind: 'goal',
  parentGoalIds: [],
  parentTitles: {},
  owner: 'Kay',
  measure: null,
  direction: 'lower',
  baseline: null,
  target: 8,
  targetDay: '2027-03-31',
  conceptIds: [],
  proposedBy: null,
  archived: false,
  ...over,
})
const trustGoal = goal({
  id: 'trust-harm',
  tier: 'trust',
  ownerScopeId: 'trust-1',
  unitId: 'library-trust-1',
  title: 'No avoidable harm',
  kind: 'true-north',
})
const csuGoal = goal({
  id: 'csu-falls',
  tier: 'csu',
  ownerScopeId: 'csu-1',
  unitId: 'csu-1',
  title: 'Fewer falls with harm',
  parentGoalIds: [trustGoal.id],
  parentTitles: { [trustGoal.id]: trustGoal.title },
  proposedBy: 'trust',
})
const proposal: CatchBallEntry = {
  id: 'cb-1',
  unitId: 'csu-1',
  createdAt: at,
  updatedAt: at,
  updatedBy: 'Kay',
  goalId: csuGoal.id,
  kind: 'propose',
  side: 'upper',
  tier: 'trust',
  text: 'Falls are our most common harm',
  terms: { target: 8, targetDay: '2027-03-31' },
  author: 'Kay',
  at,
}

beforeEach(async () => {
  // Not resetDatabase: the huddle step's query repeats an earlier test's exactly, and Dexie's
  // live-query cache survives a clear (it answered with the deployment test's falls).
  await recreateDatabase()
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

async function open(path: string, boardId: string, seed: () => Promise<void>) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await db.trusts.put({ id: 'trust-1', name: 'Northfield', createdAt: at })
  await db.csus.put({ id: 'csu-1', trustId: 'trust-1', name: 'Medicine', createdAt: at })
  await db.boards.put(CSU_BOARD)
  await seedBoard(pinia, [makeMeasure({ id: 'falls', name: 'Falls', type: 'count', unit: 'falls' })])
  await seed()
  await useOrgStore(pinia).selectBoard(boardId)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/goals', component: GoalsView },
      { path: '/goals/deployment', component: GoalDeploymentView },
      { path: '/goals/new', component: GoalFormView },
      { path: '/goals/:id/edit', component: GoalFormView },
      { path: '/goals/:id/a3', component: GoalA3View },
      { path: '/goals/:id/a3/edit', component: GoalA3EditView },
      { path: '/goals/:id', component: GoalView },
      { path: '/tile', component: BoardGoalsTile },
      { path: '/huddle-goals', component: HuddleGoals },
    ],
  })
  await router.push(path)
  wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return { router, w: wrapper }
}

async function type(w: VueWrapper, selector: string, text: string) {
  await w.find(selector).setValue(text)
  await settle()
}

describe('catch-ball on a goal', () => {
  it('the CSU proposes a change: its reasons are needed, then the thread and state show it on the CSU’s board', async () => {
    const { w } = await open(`/goals/${csuGoal.id}`, CSU_BOARD.id, async () => {
      await db.goals.bulkPut([trustGoal, csuGoal])
      await db.catchBall.put(proposal)
    })
    useActorStore().pick('Lee')
    expect(w.find('h1').text()).toBe('Fewer falls with harm')
    expect(w.find('[data-testid="goal-target"]').text()).toContain('8 by 31/03/2027 (not yet agreed)')
    expect(w.find('[data-state]').attributes('data-state')).toBe('proposed')
    expect(w.findAll('[data-testid="catch-ball-thread"] li').map((li) => li.attributes('data-kind'))).toEqual([
      'propose',
    ])
    const moves = w.findAll('[data-testid="catch-ball-moves"] [role="group"] button').map((b) => b.text())
    expect(moves).toEqual(['Accept', 'Propose a change', 'Ask a question'])

    await buttonNamed(w, 'Propose a change').trigger('click')
    await settle()
    const form = w.find('[data-testid="catch-ball-form"]')
    expect((form.find('input[inputmode="decimal"]').element as HTMLInputElement).value).toBe('8')
    await type(w, '[data-testid="catch-ball-form"] input[inputmode="decimal"]', '10')
    await form.trigger('submit')
    await settle()
    expect(w.find('.nhsuk-error-summary').text()).toContain('Enter your reasons for the change')
    expect(await db.catchBall.count()).toBe(1)

    await type(w, '[data-testid="catch-ball-form"] textarea', 'Two wards open new beds this winter')
    await w.find('[data-testid="catch-ball-form"]').trigger('submit')
    await settle()
    const thread = await db.catchBall.where('goalId').equals(csuGoal.id).toArray()
    expect(thread).toHaveLength(2)
    expect(thread.find((e) => e.kind === 'counter')).toMatchObject({
      side: 'lower',
      tier: 'csu',
      author: 'Lee',
      text: 'Two wards open new beds this winter',
      terms: { target: 10, targetDay: '2027-03-31' },
    })
    expect(threadState(thread).state).toBe('in-discussion')
    expect(await db.outbox.where('table').equals('catchBall').count()).toBe(1)
    expect(w.find('[data-state]').attributes('data-state')).toBe('in-discussion')
    expect(w.find('[data-testid="goal-target"]').text()).toContain('10 by 31/03/2027')
    // Its own terms are on the table now: the CSU waits for the trust to agree.
    const after = w.findAll('[data-testid="catch-ball-moves"] [role="group"] button').map((b) => b.text())
    expect(after).toEqual(['Propose a change', 'Ask a question'])
  })
})

describe('a ward’s goals', () => {
  const wardGoal = goal({
    id: 'ward-falls',
    tier: 'unit',
    ownerScopeId: 'unit-1',
    unitId: 'unit-1',
    title: 'No falls with harm in bay 2',
    parentGoalIds: [csuGoal.id],
    parentTitles: { [csuGoal.id]: csuGoal.title },
    proposedBy: 'csu',
  })

  it('lists the ward’s goals and the trust’s, never the CSU’s own list', async () => {
    const { w } = await open('/goals', 'board-1', async () => {
      await db.goals.bulkPut([trustGoal, wardGoal])
    })
    expect(w.find('[data-testid="our-goals"]').text()).toContain('No falls with harm in bay 2')
    expect(w.find('[data-testid="our-goals"]').text()).toContain('Serves')
    expect(w.find('[data-testid="our-goals"]').text()).toContain('Fewer falls with harm')
    expect(w.find('[data-testid="trust-goals"]').text()).toContain('No avoidable harm')
    expect(w.find('[data-testid="proposed-below"]').exists()).toBe(false)
  })

  it('sets a goal serving a CSU goal it knows from a proposal, linked to a board measure', async () => {
    const { w, router } = await open('/goals/new', 'board-1', async () => {
      await db.goals.bulkPut([trustGoal, wardGoal])
    })
    useActorStore().pick('Sam')
    const form = w.find('[data-testid="goal-form"]')
    await form.trigger('submit')
    await settle()
    const summary = w.find('.nhsuk-error-summary').text()
    expect(summary).toContain('Enter the goal')
    expect(summary).toContain('Enter who owns the goal')
    expect(summary).toContain('Choose the CSU goal this serves')
    expect(await db.goals.count()).toBe(2)

    const title = w.findAll('input[type="text"]').find((i) => i.attributes('id')?.endsWith('goal-title'))!
    await title.setValue('Every fall reviewed at the next huddle')
    const owner = w.findAll('input').find((i) => i.attributes('id')?.endsWith('goal-owner'))!
    await owner.setValue('Sam')
    const parent = w.find('input[type="checkbox"]')
    expect(w.find('fieldset label.nhsuk-checkboxes__label').text()).toBe('Fewer falls with harm')
    await parent.setValue(true)
    const measure = w.findAll('select').find((s) => s.attributes('id')?.endsWith('goal-measure'))!
    expect(measure.findAll('option').map((o) => o.text())).toEqual(['No measure yet', 'Falls'])
    await measure.setValue('falls')
    await w.find('[data-testid="goal-form"]').trigger('submit')
    await settle()
    const saved = (await db.goals.toArray()).find((g) => g.title === 'Every fall reviewed at the next huddle')!
    expect(saved).toMatchObject({
      tier: 'unit',
      unitId: 'unit-1',
      ownerScopeId: 'unit-1',
      owner: 'Sam',
      parentGoalIds: [csuGoal.id],
      parentTitles: { [csuGoal.id]: csuGoal.title },
      measure: { kind: 'measure', measureId: 'falls', boardId: 'board-1' },
      proposedBy: null,
    })
    expect(router.currentRoute.value.path).toBe(`/goals/${saved.id}`)
  })
})

describe('the deployment view', () => {
  it('shows the tree as a CSU tablet holds it, with the ward measure’s SPC icons and the gaps called out', async () => {
    const care = goal({ ...trustGoal, id: 'trust-care', title: 'Care on time', kind: 'true-north' })
    const ulcers = goal({ ...csuGoal, id: 'csu-ulcers', title: 'Fewer pressure ulcers', proposedBy: null })
    const wardGoal = goal({
      id: 'ward-falls',
      tier: 'unit',
      ownerScopeId: 'unit-1',
      unitId: 'unit-1',
      title: 'No falls with harm in bay 2',
      parentGoalIds: [csuGoal.id],
      parentTitles: { [csuGoal.id]: csuGoal.title },
      measure: { kind: 'measure', measureId: 'falls', boardId: 'board-1' },
    })
    const { w } = await open('/goals/deployment', CSU_BOARD.id, async () => {
      await db.goals.bulkPut([trustGoal, care, csuGoal, ulcers, wardGoal])
      await db.catchBall.put(proposal)
      const falls = makeMeasure({ id: 'falls', name: 'Falls', type: 'count', unit: 'falls', direction: 'lower' })
      const today = londonDay()
      await db.entries.bulkPut(
        Array.from({ length: 30 }, (_, i) => makeEntry(falls, addDays(today, -30 + i), i % 3 === 0 ? 1 : 0)),
      )
    })
    await settle()
    const nodes = w.findAll('[data-testid="deployment-node"]')
    expect(nodes.map((n) => n.attributes('data-goal-id'))).toEqual([
      'trust-care',
      'trust-harm',
      'csu-falls',
      'ward-falls',
      'csu-ulcers',
    ])
    const gaps = w.findAll('[data-testid="deployment-gap"]').map((g) => g.text())
    expect(gaps).toEqual(['Our CSU has not taken this goal up yet', 'No ward supports this goal yet'])
    expect(w.find('[data-testid="deployment-gaps"]').text()).toBe('2 gaps called out below.')
    const ward = w.find('[data-goal-id="ward-falls"]')
    expect(ward.find('[data-testid="deployment-measure"]').text()).toBe('Falls')
    expect(ward.find('[data-testid="tile-spc"]').attributes('data-variation')).toBe('common-cause')
    expect(w.find('[data-goal-id="csu-falls"] [data-state]').attributes('data-state')).toBe('proposed')
  })
})

describe('a goal’s A3', () => {
  it('the CSU writes its A3: a box over the limit is refused, then only the changed boxes are saved as version 1', async () => {
    const { w, router } = await open(`/goals/${csuGoal.id}/a3/edit`, CSU_BOARD.id, async () => {
      await db.goals.bulkPut([trustGoal, csuGoal])
      await db.catchBall.put(proposal)
    })
    useActorStore().pick('Lee')
    const box = (field: string) => w.findAll('textarea').find((t) => t.attributes('id')?.endsWith(`a3-${field}`))!
    expect(w.findAll('textarea')).toHaveLength(7)
    await box('a3Background').setValue('Falls are our most common harm')
    await box('a3Analysis').setValue('x'.repeat(4001))
    await w.find('[data-testid="a3-form"]').trigger('submit')
    await settle()
    expect(w.find('.nhsuk-error-summary').text()).toContain(
      'Analysis and root cause must be 4,000 characters or fewer (it has 4,001)',
    )
    expect((await db.goals.get(csuGoal.id))?.a3Version).toBeUndefined()

    await box('a3Analysis').setValue('Patients get up alone at night')
    await w.find('[data-testid="a3-form"]').trigger('submit')
    await settle()
    expect(await db.goals.get(csuGoal.id)).toMatchObject({
      a3Background: 'Falls are our most common harm',
      a3Analysis: 'Patients get up alone at night',
      a3Version: 1,
      updatedBy: 'Lee',
    })
    const sent = (await db.outbox.where('table').equals('goals').toArray()).at(-1)!
    expect(Object.keys(sent.fields).sort()).toEqual(
      ['a3Analysis', 'a3Background', 'a3Version', 'updatedAt', 'updatedBy'].sort(),
    )
    expect(router.currentRoute.value.path).toBe(`/goals/${csuGoal.id}/a3`)
    await settle()
    const sheet = w.find('[data-testid="goal-a3"]')
    expect(sheet.find('[data-box="a3Background"]').text()).toContain('Falls are our most common harm')
    expect(sheet.text()).toContain('Version 1')
    expect(sheet.find('[data-testid="a3-target"]').text()).toContain('Target 8 by 31/03/2027')
    expect(sheet.find('[data-box="catch-ball"]').text()).toContain('Proposed (Trust, Kay): 8 by 31/03/2027')
  })
})

describe('the monthly review', () => {
  it('shows plan against actual by month on the goal, met or missed in words', async () => {
    const today = londonDay()
    const thisMonth = today.slice(0, 7)
    const lastMonth = addMonths(thisMonth, -1)
    const nextMonth = addMonths(thisMonth, 1)
    const falls = makeMeasure({ id: 'falls', name: 'Falls', type: 'count', unit: 'falls', direction: 'lower' })
    const wardGoal = goal({
      id: 'ward-falls',
      tier: 'unit',
      ownerScopeId: 'unit-1',
      unitId: 'unit-1',
      title: 'No falls with harm in bay 2',
      createdAt: `${lastMonth}-01T09:00:00.000Z`,
      parentGoalIds: [csuGoal.id],
      parentTitles: { [csuGoal.id]: csuGoal.title },
      measure: { kind: 'measure', measureId: 'falls', boardId: 'board-1' },
      baseline: 1,
      target: 0.5,
      targetDay: `${nextMonth}-28`,
    })
    const { w } = await open('/goals/ward-falls', 'board-1', async () => {
      await db.goals.put(wardGoal)
      await db.entries.bulkPut([
        ...[1, 2, 3, 4].map((d) => makeEntry(falls, `${lastMonth}-0${d}`, 1)),
        makeEntry(falls, `${thisMonth}-01`, 0),
      ])
    })
    await settle()
    const table = w.find('[data-testid="goal-bowling"] table')
    const rows = table.findAll('tr').map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(rows[0]).toHaveLength(4)
    expect(rows[1]).toEqual(['Plan', '0.83', '0.67', '0.5'])
    expect(rows[2]).toEqual(['Actual', '1Missed', '0Met', '—'])
    expect(table.findAll('[data-met]').map((c) => c.attributes('data-met'))).toEqual(['false', 'true', 'none'])
  })
})

describe('reviewing a month, archiving, and the huddle’s goals step', () => {
  const today = londonDay()
  const thisMonth = today.slice(0, 7)
  const lastMonth = addMonths(thisMonth, -1)
  const falls = makeMeasure({ id: 'falls', name: 'Falls', type: 'count', unit: 'falls', direction: 'lower' })
  const wardGoal = goal({
    id: 'ward-falls',
    tier: 'unit',
    ownerScopeId: 'unit-1',
    unitId: 'unit-1',
    title: 'No falls with harm in bay 2',
    createdAt: `${lastMonth}-01T09:00:00.000Z`,
    parentGoalIds: [csuGoal.id],
    parentTitles: { [csuGoal.id]: csuGoal.title },
    measure: { kind: 'measure', measureId: 'falls', boardId: 'board-1' },
    baseline: 1,
    target: 0.5,
    targetDay: `${addMonths(thisMonth, 1)}-28`,
  })
  const seed = async () => {
    await db.goals.put(wardGoal)
    await db.entries.bulkPut([makeEntry(falls, `${thisMonth}-01`, 0)])
  }

  it('the ward reviews this month: a status and commentary are needed, patient details are stopped, then it shows beside the chart and on the A3', async () => {
    const { w, router } = await open('/goals/ward-falls', 'board-1', seed)
    useActorStore().pick('Sam')
    const form = () => w.find('[data-testid="goal-review-form"]')
    expect((form().find('select').element as HTMLSelectElement).value).toBe(thisMonth)
    await form().trigger('submit')
    await settle()
    expect(w.find('.nhsuk-error-summary').text()).toContain('Choose where the countermeasures stand')
    expect(w.find('.nhsuk-error-summary').text()).toContain('Enter a short commentary on the month')

    await form().find('input[value="at-risk"]').setValue(true)
    await type(w, '[data-testid="goal-review-form"] textarea', 'Mrs Jones fell again in bay 2')
    await form().trigger('submit')
    await settle()
    expect(w.text()).toContain("a patient's name")
    expect(await db.goalReviews.count()).toBe(0)

    await type(w, '[data-testid="goal-review-form"] textarea', 'Two falls at night; the 02:00 round starts Monday')
    await form().trigger('submit')
    await settle()
    expect(await db.goalReviews.get(`ward-falls_${thisMonth}`)).toMatchObject({
      unitId: 'unit-1',
      month: thisMonth,
      status: 'at-risk',
      commentary: 'Two falls at night; the 02:00 round starts Monday',
      updatedBy: 'Sam',
    })
    expect(await db.outbox.where('table').equals('goalReviews').count()).toBe(1)
    const shown = w.find(`[data-testid="goal-review"] [data-month="${thisMonth}"]`)
    expect(shown.find('[data-status]').text()).toBe('At risk')
    expect(shown.find('svg').exists()).toBe(true)
    expect(w.find(`[data-month="${lastMonth}"]`).text()).toContain('Not reviewed yet')

    await router.push('/goals/ward-falls/a3')
    await settle()
    expect(w.find('[data-testid="a3-review"]').text()).toContain(
      'At risk — Two falls at night; the 02:00 round starts Monday',
    )
  })

  it('the CSU reads the ward’s review but has no form to write it', async () => {
    const { w } = await open('/goals/ward-falls', CSU_BOARD.id, async () => {
      await seed()
      await db.goalReviews.put({
        id: `ward-falls_${thisMonth}`,
        unitId: 'unit-1',
        createdAt: at,
        updatedAt: at,
        updatedBy: 'Sam',
        goalId: 'ward-falls',
        month: thisMonth,
        commentary: 'Rounds started',
        status: 'on-track',
      })
    })
    expect(w.find(`[data-month="${thisMonth}"]`).text()).toContain('On track')
    expect(w.find('[data-testid="goal-review-form"]').exists()).toBe(false)
    expect(w.find('[data-testid="goal-archive"]').exists()).toBe(false)
  })

  it('the ward archives its goal: gone from the board tile until "Show archived", and brought back', async () => {
    const { w, router } = await open('/goals/ward-falls', 'board-1', seed)
    useActorStore().pick('Sam')
    await w.find('[data-testid="goal-archive"]').trigger('click')
    await settle()
    expect(await db.goals.get('ward-falls')).toMatchObject({ archived: true, updatedBy: 'Sam' })
    expect(w.find('[data-testid="goal-archived"]').exists()).toBe(true)
    expect(w.find('[data-testid="goal-review-form"]').exists()).toBe(false)

    await router.push('/tile')
    await settle()
    expect(w.find('[data-testid="goals-tile"]').text()).not.toContain('No falls with harm in bay 2')
    await w.find('[data-testid="tile-show-archived"]').trigger('click')
    await settle()
    expect(w.find('[data-testid="goals-tile"]').text()).toContain('No falls with harm in bay 2')
    expect(w.find('[data-testid="goals-tile"]').text()).toContain('Archived')

    await router.push('/goals/ward-falls')
    await settle()
    useActorStore().pick('Sam')
    await buttonNamed(w, 'Bring the goal back').trigger('click')
    await settle()
    expect(await db.goals.get('ward-falls')).toMatchObject({ archived: false })
    expect(w.find('[data-testid="goal-review-form"]').exists()).toBe(true)
  })

  it('the huddle’s goals step lists the board’s goals with this month against plan and the countermeasures', async () => {
    const { w } = await open('/huddle-goals', 'board-1', async () => {
      await seed()
      await db.goalReviews.put({
        id: `ward-falls_${thisMonth}`,
        unitId: 'unit-1',
        createdAt: at,
        updatedAt: at,
        updatedBy: 'Sam',
        goalId: 'ward-falls',
        month: thisMonth,
        commentary: 'Night rounds started',
        status: 'on-track',
      })
    })
    await settle()
    const goals = w.findAll('[data-testid="huddle-goal"]')
    expect(goals).toHaveLength(1)
    expect(goals[0]!.text()).toContain('No falls with harm in bay 2')
    expect(goals[0]!.text()).toContain('Target 0.5 falls by')
    const month = goals[0]!.find('[data-testid="huddle-goal-month"]')
    expect(month.text()).toContain('Falls 0 falls')
    expect(month.text()).toContain('against a plan of 0.67 falls')
    expect(month.find('[data-met]').attributes('data-met')).toBe('true')
    expect(goals[0]!.find('[data-testid="huddle-goal-status"]').text()).toContain('Countermeasures: On track')
  })
})
