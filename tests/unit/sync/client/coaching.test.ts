// @vitest-environment node
// Coaching and learning together across tablets on the real engine and server. A colleague on one ward lists
// herself for the concepts she practised and a colleague on another CSU's ward asks her a question: both
// write to the trust library, the one scope both read, which every device may write for those two tables
// only (a ward's change to the office's own library tables still stays unsent). A ward asks for a coach;
// its CSU's tablet takes the request, logs a session and marks it done, and the ward sees each step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { coachingWritesFor } from '@/db/coachingWrites'
import { repoFor } from '@/db/repo'
import { practitionerId, questionThreads } from '@/domain/coaching'
import type { ConceptEdit, ConceptQuestion } from '@/domain/types'
import { libraryScopeId } from '@/shared/sync/scopes'
import { startRealServer, type RealServer } from '../harness/realServer'

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

const now = (minutes: number) => new Date(Date.now() - 60 * 60_000 + minutes * 60_000)

describe('learning together and coaching between tablets', () => {
  it('lists a colleague, carries a question and its answer between two wards of different CSUs', async () => {
    const { org } = server
    const ward = server.tablet('lt-ward')
    const elsewhere = server.tablet('lt-elsewhere')
    await ward.enrol('unit', org.unitA.id)
    await elsewhere.enrol('unit', org.elsewhere.id)
    const library = libraryScopeId(org.trust.id)
    const listingId = practitionerId(org.unitA.id, 'Priya Shah')
    await coachingWritesFor(ward.database).saveListing(
      {
        id: listingId,
        unitId: library,
        person: 'Priya Shah',
        homeUnitId: org.unitA.id,
        homeUnitName: 'Ward 7',
        listed: true,
        work: [{ ideaId: 'i1', title: 'Falls huddle', kind: 'certified', conceptIds: ['pdsa'], day: '2026-11-20' }],
      },
      'Priya Shah',
      now(0),
    )
    // The office's own library tables stay the office's: this change is kept, never sent.
    await repoFor(ward.database).saveRecord<ConceptEdit>(
      'conceptEdits',
      { id: 'pdsa', unitId: library } as ConceptEdit,
      'Priya Shah',
      undefined,
      now(0),
    )
    expect(await ward.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1 })
    expect(await ward.database.outbox.where('table').equals('conceptEdits').count()).toBe(1)
    expect(await ward.database.notSent.count()).toBe(0)

    await elsewhere.engine.syncOnce()
    expect(await elsewhere.database.practitioners.get(listingId)).toMatchObject({ listed: true, person: 'Priya Shah' })
    const question: ConceptQuestion = {
      id: 'q1',
      unitId: library,
      kind: 'question',
      threadId: 'q1',
      conceptId: 'pdsa',
      practitionerId: listingId,
      to: 'Priya Shah',
      text: 'How did you pick the first change to test?',
      author: 'Lee Kay',
      authorPlace: 'Ward 12',
      at: now(1).toISOString(),
    } as ConceptQuestion
    await coachingWritesFor(elsewhere.database).post(question, 'Lee Kay', now(1))
    expect(await elsewhere.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1 })

    await ward.engine.syncOnce()
    await coachingWritesFor(ward.database).post(
      {
        ...question,
        id: 'a1',
        kind: 'answer',
        text: 'We asked the night team what worried them most.',
        author: 'Priya Shah',
        authorPlace: 'Ward 7',
        at: now(2).toISOString(),
      },
      'Priya Shah',
      now(2),
    )
    await ward.engine.syncOnce()
    await elsewhere.engine.syncOnce()
    const [thread] = questionThreads(
      await elsewhere.database.conceptQuestions.where('conceptId').equals('pdsa').toArray(),
    )
    expect(thread?.question.author).toBe('Lee Kay')
    expect(thread?.answers.map((a) => [a.author, a.text])).toEqual([
      ['Priya Shah', 'We asked the night team what worried them most.'],
    ])
  })

  it('a ward asks for a coach; its CSU tablet takes it, logs a session and marks it done', async () => {
    const { org } = server
    const office = server.tablet('coach-office')
    const ward = server.tablet('coach-ward')
    const csu = server.tablet('coach-csu')
    await office.enrol('trust', org.trust.id)
    await ward.enrol('unit', org.unitA.id)
    await csu.enrol('csu', org.csu.id)
    await coachingWritesFor(office.database).saveRoster(org.trust.id, org.csu.id, ['Jo Coach'], 'Kay', now(0))
    await office.engine.syncOnce()

    const asked = await coachingWritesFor(ward.database).ask(
      {
        unitId: org.unitA.id,
        origin: 'asked',
        about: 'board',
        boardId: 'b1',
        ideaId: null,
        subject: 'Ward board',
        text: 'Help us read our falls chart',
        csuId: org.csu.id,
        place: 'Ward 7',
      },
      'Sam',
      now(1),
    )
    await ward.engine.syncOnce()
    await csu.engine.syncOnce()
    const csuWrites = coachingWritesFor(csu.database)
    await expect(csuWrites.take(asked.id, 'Sam', now(2))).rejects.toThrow('Sam is not named as a coach for this CSU')
    await csuWrites.take(asked.id, 'Jo Coach', now(2))
    await csuWrites.logSession(asked.id, { day: '2026-12-01', notes: 'Read the chart together' }, 'Jo Coach', now(3))
    await csuWrites.markDone(asked.id, 'Jo Coach', now(4))
    expect(await csu.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 3 })

    await ward.engine.syncOnce()
    expect(await ward.database.coachRequests.get(asked.id)).toMatchObject({ state: 'done', takenBy: 'Jo Coach' })
    expect(await ward.database.coachSessions.where('requestId').equals(asked.id).count()).toBe(1)
  })
})
