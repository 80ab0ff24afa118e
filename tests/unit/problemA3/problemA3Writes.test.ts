import { beforeEach, describe, expect, it } from 'vitest'
import { db, resetDatabase } from '@/db/db'
import { ProblemA3InputError, saveProblemA3, type ProblemA3Subject } from '@/db/problemA3Writes'
import { problemA3DraftOf, type ProblemA3Draft } from '@/domain/problemA3'

const subject: ProblemA3Subject = { table: 'ideas', id: 'i1', unitId: 'u1', boardId: 'b1' }
const blank = () => problemA3DraftOf(undefined, { title: 'Meals missed at lunch', measureId: 'm1' })
const now = new Date('2026-12-07T10:00:00Z')

beforeEach(resetDatabase)

async function stored() {
  return db.problemA3s.get('a3-idea-i1')
}

describe('saving a problem-solving A3', () => {
  it('writes a new A3 in the subject’s scope with only what was typed, its history and one outbox entry', async () => {
    const shown = blank()
    const draft: ProblemA3Draft = { ...shown, because1: 'No red trays', causesPeople: 'Agency staff\nNew starters' }
    const saved = await saveProblemA3(subject, draft, shown, 'Sam', now)
    expect(saved).toMatchObject({
      id: 'a3-idea-i1',
      unitId: 'u1',
      subjectTable: 'ideas',
      subjectId: 'i1',
      boardId: 'b1',
      title: 'Meals missed at lunch',
      measureId: 'm1',
      because1: 'No red trays',
      causesPeople: 'Agency staff\nNew starters',
      version: 1,
    })
    expect(saved.background).toBeUndefined()
    const outbox = await db.outbox.where('table').equals('problemA3s').toArray()
    expect(outbox).toHaveLength(1)
    expect(Object.keys(outbox[0]!.fields)).not.toContain('background')
    expect(await db.history.where({ table: 'problemA3s', recordId: 'a3-idea-i1' }).count()).toBe(1)
  })

  it('sends the title the form showed once it is changed, and counts a version each save that changes something', async () => {
    const first = blank()
    await saveProblemA3(subject, { ...first, title: 'Meals missed on bay 2' }, first, 'Sam', now)
    const shown = problemA3DraftOf(await stored(), { title: '', measureId: null })
    expect(shown.title).toBe('Meals missed on bay 2')
    const again = await saveProblemA3(subject, shown, shown, 'Priya', now)
    expect(again.version).toBe(1)
    const changed = await saveProblemA3(subject, { ...shown, followUp: 'Audit in 4 weeks' }, shown, 'Priya', now)
    expect(changed).toMatchObject({ version: 2, followUp: 'Audit in 4 weeks', updatedBy: 'Priya' })
    expect(await db.history.where({ table: 'problemA3s', recordId: 'a3-idea-i1' }).count()).toBe(2)
  })

  it('keeps a part another tablet changed while the form was open', async () => {
    const shown = blank()
    await saveProblemA3(subject, { ...shown, background: 'Lunch is busy' }, shown, 'Sam', now)
    const opened = problemA3DraftOf(await stored(), { title: '', measureId: null })
    // Meanwhile (a pull, another tab): the background is rewritten.
    await db.problemA3s.update('a3-idea-i1', { background: 'Rewritten elsewhere' })
    await saveProblemA3(subject, { ...opened, targetCondition: 'No meals missed' }, opened, 'Priya', now)
    expect(await stored()).toMatchObject({ background: 'Rewritten elsewhere', targetCondition: 'No meals missed' })
  })

  it('turns a ticked countermeasure into an open action on the subject’s board in the same save', async () => {
    const shown = blank()
    const draft: ProblemA3Draft = {
      ...shown,
      countermeasures: [
        {
          id: 'c1',
          text: 'Red trays for those who need help',
          owner: 'Aisha',
          dueDay: '2027-01-12',
          actionId: null,
          makeAction: true,
        },
        { id: 'c2', text: 'Protected mealtimes poster', owner: '', dueDay: '', actionId: null, makeAction: false },
      ],
    }
    const saved = await saveProblemA3(subject, draft, shown, 'Sam', now)
    const actions = await db.actions.toArray()
    expect(actions).toHaveLength(1)
    expect(actions[0]).toMatchObject({
      unitId: 'u1',
      boardId: 'b1',
      title: 'Red trays for those who need help',
      owner: 'Aisha',
      dueDay: '2027-01-12',
      status: 'open',
    })
    expect(saved.countermeasures).toEqual([
      {
        id: 'c1',
        text: 'Red trays for those who need help',
        owner: 'Aisha',
        dueDay: '2027-01-12',
        actionId: actions[0]!.id,
      },
      { id: 'c2', text: 'Protected mealtimes poster', owner: '', dueDay: null, actionId: null },
    ])
    expect(await db.outbox.where('table').equals('actions').count()).toBe(1)
  })

  it('saves nothing when the draft is refused', async () => {
    const shown = blank()
    const draft = { ...shown, because1: 'A', because3: 'C' }
    await expect(saveProblemA3(subject, draft, shown, 'Sam', now)).rejects.toBeInstanceOf(ProblemA3InputError)
    expect(await stored()).toBeUndefined()
    expect(await db.outbox.count()).toBe(0)
  })
})
