import { beforeEach, describe, expect, it } from 'vitest'
import { readConceptLinks } from '@/db/conceptLinks'
import { db, resetDatabase } from '@/db/db'
import { saveRecord, updateRecord } from '@/db/repo'
import { completionShare, exampleLabel, localExamples, type ConceptLinkRows } from '@/domain/conceptExamples'
import type { Action, Board, ChecklistTemplate, Idea, PdsaCycle } from '@/domain/types'

const T = (day: string) => `${day}T10:00:00.000Z`
const meta = (id: string, unitId: string, day: string) => ({
  id,
  unitId,
  createdAt: T(day),
  updatedAt: T(day),
  updatedBy: 'Sam',
})
const units = [
  { id: 'u7', name: 'Ward 7' },
  { id: 'u12', name: 'Ward 12' },
]

function action(id: string, day: string, status: Action['status'], conceptIds = ['five-s'], unitId = 'u7'): Action {
  return {
    ...meta(id, unitId, day),
    boardId: `b-${unitId}`,
    title: `Action ${id}`,
    owner: 'Sam',
    dueDay: null,
    status,
    measureId: null,
    measureDay: null,
    conceptIds,
    closedAt: status === 'done' ? T(day) : null,
  }
}
function idea(id: string, day: string, status: Idea['status'], implementedDay?: string): Partial<Idea> {
  return {
    ...meta(id, 'u12', day),
    boardId: 'b-u12',
    idea: `Idea ${id}`,
    status,
    conceptIds: ['five-s'],
    implementedAt: implementedDay ? T(implementedDay) : null,
  }
}
function cycle(id: string, endDay: string | null, decision: PdsaCycle['decision']): Partial<PdsaCycle> {
  return {
    ...meta(id, 'u7', '2026-10-01'),
    boardId: 'b-u7',
    ideaId: 'i',
    number: 2,
    change: 'Label the shelves',
    decision,
    startDay: '2026-10-01',
    endDay,
    conceptIds: ['five-s'],
  }
}
const rows = (more: Partial<ConceptLinkRows>): ConceptLinkRows => ({
  units,
  measures: [],
  entries: [],
  actions: [],
  ...more,
})
const keys = (r: ConceptLinkRows) => localExamples('five-s', r).map((e) => e.key)

describe('local example ranking: what worked first, then newest', () => {
  it('names a certified improvement by its ward and links its certificate', () => {
    const [found] = localExamples(
      'five-s',
      rows({
        certifications: [
          {
            id: 'certified-s1',
            unitId: 'library-t1',
            submissionId: 's1',
            submissionUnitId: 'u12',
            unitName: 'Ward 12',
            title: 'Sorted sluice',
            conceptIds: ['five-s'],
            certifiedAt: T('2026-10-01'),
          },
        ],
      }),
    )
    expect(found).toMatchObject({ unitId: 'u12', place: 'certification', submissionId: 's1', success: 3 })
    expect(exampleLabel(found!)).toBe('Ward 12 · certified improvement · Sorted sluice · certified 01/10/2026')
  })

  it.each([
    [
      'a done action before a newer open one',
      rows({ actions: [action('open', '2026-11-20', 'open'), action('done', '2026-10-01', 'done')] }),
      ['action:done', 'action:open'],
    ],
    [
      'newest first among the same success',
      rows({ actions: [action('a', '2026-10-01', 'done'), action('b', '2026-11-01', 'done')] }),
      ['action:b', 'action:a'],
    ],
    [
      'implemented and sustained ideas before ones in testing',
      rows({
        ideas: [
          idea('t', '2026-11-20', 'testing'),
          idea('s', '2026-09-01', 'sustained', '2026-09-10'),
          idea('i', '2026-09-01', 'implemented', '2026-10-10'),
        ],
      }),
      ['idea:i', 'idea:s', 'idea:t'],
    ],
    [
      'adopted cycles first, abandoned ones last',
      rows({
        pdsaCycles: [
          cycle('ab', '2026-11-20', 'abandon'),
          cycle('run', null, null),
          cycle('ad', '2026-10-05', 'adopt'),
        ],
      }),
      ['pdsa:ad', 'pdsa:run', 'pdsa:ab'],
    ],
    [
      'cancelled actions and ideas not taken forward left out',
      rows({ actions: [action('c', '2026-11-01', 'cancelled')], ideas: [idea('n', '2026-11-01', 'not-progressed')] }),
      [],
    ],
    ['items linked to another concept left out', rows({ actions: [action('x', '2026-11-01', 'done', ['pdsa'])] }), []],
    [
      'a certified improvement before everything that worked; one of another concept left out',
      rows({
        actions: [action('done', '2026-11-20', 'done')],
        certifications: [
          { id: 'certified-s1', submissionId: 's1', conceptIds: ['five-s'], certifiedAt: T('2026-10-01') },
          { id: 'certified-s2', submissionId: 's2', conceptIds: ['pdsa'], certifiedAt: T('2026-11-01') },
        ],
      }),
      ['certified:certified-s1', 'action:done'],
    ],
  ])('%s', (_what, input, expected) => {
    expect(keys(input)).toEqual(expected)
  })

  it('ranks a well-kept checklist above one that is often left unfinished, and finds linked steps', () => {
    const template = (id: string, stepConcepts: string[], conceptIds: string[] = []): Partial<ChecklistTemplate> => ({
      ...meta(id, 'u12', '2026-09-01'),
      boardId: 'b-u12',
      title: `List ${id}`,
      retired: false,
      conceptIds,
      steps: [{ id: 's1', text: 'Check the sluice', keyPoint: '', expectedMinutes: null, conceptIds: stepConcepts }],
    })
    const runs = [
      ...Array.from({ length: 5 }, () => ({ templateId: 'kept', completedAt: T('2026-11-01') })),
      { templateId: 'patchy', completedAt: T('2026-11-01') },
      { templateId: 'patchy', completedAt: null },
    ]
    const found = localExamples(
      'five-s',
      rows({
        checklistTemplates: [template('patchy', ['five-s']), template('kept', [], ['five-s'])],
        checklistRuns: runs,
      }),
    )
    expect(found.map((e) => [e.key, e.success, e.when])).toEqual([
      ['checklist:kept', 2, '100% of runs completed'],
      ['checklist-step:patchy:s1', 1, '50% of runs completed'],
    ])
    expect(found[1]!.title).toBe('List patchy: Check the sluice')
  })

  it('reads half-filled records from other tables without breaking', () => {
    const odd = rows({
      ideas: [
        { id: 'x' } as Partial<Idea>,
        { ...idea('ok', '2026-11-01', 'new'), conceptIds: undefined },
        idea('fine', '2026-11-02', 'review'),
      ],
      pdsaCycles: [{ conceptIds: ['five-s'] }],
      checklistTemplates: [{ ...meta('t', 'u7', '2026-11-01'), conceptIds: ['five-s'], steps: undefined }],
      boards: [
        {
          id: 'b',
          unitId: 'u7',
          updatedAt: T('2026-11-03'),
          agenda: [
            { id: 'a1', title: 'Safety', seconds: 60, kind: 'safety', conceptIds: ['five-s'] },
            { id: 'a2', title: 'Plan', seconds: 60, kind: 'plan' },
          ],
        },
      ],
    })
    expect(keys(odd)).toEqual(['agenda-item:b:a1', 'idea:fine', 'checklist:t'])
  })

  it('names the unit, or "Another unit" when the tablet no longer holds it', () => {
    const [here, gone] = localExamples(
      'five-s',
      rows({ actions: [action('a', '2026-11-02', 'done'), action('b', '2026-11-01', 'done', ['five-s'], 'u99')] }),
    )
    expect(exampleLabel(here!)).toBe('Ward 7 · action · Action a · done 02/11/2026')
    expect(gone!.unitName).toBe('Another unit')
  })

  it('computes the completion share of a checklist', () => {
    expect(completionShare('a', [])).toBeNull()
    expect(
      completionShare('a', [
        { templateId: 'a', completedAt: T('2026-11-01') },
        { templateId: 'a', completedAt: null },
        { templateId: 'b', completedAt: null },
      ]),
    ).toBe(0.5)
  })
})

describe('linking and unlinking, through the repo', () => {
  beforeEach(async () => {
    await resetDatabase()
  })

  it('finds an item once linked, and no longer once unlinked', async () => {
    await saveRecord<Action>('actions', action('a1', '2026-11-01', 'open', []), 'Sam')
    expect((await readConceptLinks(db, 'five-s')).actions).toEqual([])
    await updateRecord<Action>('actions', 'a1', { conceptIds: ['five-s', 'pdsa'] }, 'Sam')
    expect((await readConceptLinks(db, 'five-s')).actions.map((a) => a.id)).toEqual(['a1'])
    expect((await readConceptLinks(db, 'pdsa')).actions.map((a) => a.id)).toEqual(['a1'])
    await updateRecord<Action>('actions', 'a1', { conceptIds: ['pdsa'] }, 'Sam')
    expect((await readConceptLinks(db, 'five-s')).actions).toEqual([])
  })

  it('reads linked agenda items, ideas and checklist steps and the runs of those checklists', async () => {
    const board = {
      ...meta('b1', 'u7', '2026-11-01'),
      name: 'Ward 7 board',
      categories: [],
      huddleMinutes: 15,
      agenda: [{ id: 'a', title: 'Safety', seconds: 60, kind: 'safety', conceptIds: ['five-s'] }],
    } as Board
    await db.boards.put(board)
    await db.ideas.put(idea('i1', '2026-11-01', 'new') as Idea)
    await db.checklistTemplates.put({
      ...meta('t1', 'u7', '2026-11-01'),
      steps: [{ id: 's', text: 'Sort', keyPoint: '', expectedMinutes: null, conceptIds: ['five-s'] }],
      conceptIds: [],
    } as unknown as ChecklistTemplate)
    await db.checklistRuns.put({
      ...meta('r1', 'u7', '2026-11-02'),
      templateId: 't1',
      completedAt: T('2026-11-02'),
    } as never)
    const found = await readConceptLinks(db, 'five-s')
    expect([found.boards?.length, found.ideas?.length, found.checklistTemplates?.length, found.checklistRuns]).toEqual([
      1,
      1,
      1,
      [{ templateId: 't1', completedAt: T('2026-11-02') }],
    ])
  })
})
