// @vitest-environment node
// LIM certification across tablets on the real engine and server: a ward puts an improvement forward
// (offline), its sponsor endorses it, the improvement office assesses it on its own tablet with feedback
// on one criterion, the ward improves the reflection and sends it again, the office certifies, and the
// certified improvement reaches another CSU's ward through the trust library; the ward, which cannot
// write the library, holds its submission in its own scope, which the office reads and writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { certificationWritesFor } from '@/db/certificationWrites'
import {
  certificationFrom,
  certThreadState,
  DEFAULT_CRITERIA,
  decisionsFrom,
  type DecisionInput,
} from '@/domain/certification'
import { libraryScopeId } from '@/shared/sync/scopes'
import { sustainedCheck, submission } from '../../certification/fixtures'
import { startRealServer, type RealServer, type RealTablet } from '../harness/realServer'

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

const now = (minutes: number) => new Date(Date.now() - 60 * 60_000 + minutes * 60_000)

async function stateOn(tablet: RealTablet, submissionId: string) {
  return certThreadState(await tablet.database.certEntries.where('submissionId').equals(submissionId).toArray())
}

const decisions = (meaningful: DecisionInput['decision'], feedback = ''): DecisionInput[] =>
  DEFAULT_CRITERIA.map((c) =>
    c.id === 'meaningful'
      ? { criterionId: c.id, decision: meaningful, feedback }
      : { criterionId: c.id, decision: 'met', feedback: '' },
  )

describe('certification between a ward and the improvement office', () => {
  it('submits, assesses, resubmits and certifies; the certified improvement reaches every ward', async () => {
    const { org } = server
    const office = server.tablet('cert-office')
    const ward = server.tablet('cert-ward')
    const elsewhere = server.tablet('cert-elsewhere')
    await office.enrol('trust', org.trust.id)
    await ward.enrol('unit', org.unitA.id)
    await elsewhere.enrol('unit', org.elsewhere.id)
    const officeWrites = certificationWritesFor(office.database)
    const wardWrites = certificationWritesFor(ward.database)
    const library = libraryScopeId(org.trust.id)

    // The office sets its sustain period; every tablet reads it from the library.
    await officeWrites.saveCriteria(
      org.trust.id,
      DEFAULT_CRITERIA.map((c) => ({ ...c })),
      12,
      'Kay',
      now(0),
    )
    await office.engine.syncOnce()

    // Offline on the ward: put forward and endorsed by the named sponsor (not by anyone else).
    const { id: _id, createdAt: _c, updatedAt: _u, updatedBy: _b, ...fields } = submission({ unitId: org.unitA.id })
    const made = await wardWrites.submit(fields, 'Priya Shah', now(1))
    await expect(wardWrites.endorse(made.id, 'Good work', 'Sam Jones', now(2))).rejects.toThrow(
      'Dr Amir Khan is named as the sponsor: only they can endorse it',
    )
    await wardWrites.endorse(made.id, 'The night team now runs this every shift.', 'Dr Amir Khan', now(2))
    await expect(wardWrites.submit(fields, 'Priya Shah', now(2))).rejects.toThrow('already been put forward')
    expect(await ward.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 3 })
    expect(await ward.database.certCriteria.get(`cert-criteria-${org.trust.id}`)).toMatchObject({ sustainWeeks: 12 })

    // The office assesses: not yet on "meaningful", with what would get it there.
    await office.engine.syncOnce()
    expect(await office.database.certSubmissions.get(made.id)).toMatchObject({
      unitId: org.unitA.id,
      sponsor: 'Dr Amir Khan',
    })
    expect((await stateOn(office, made.id)).state).toBe('awaiting-assessment')
    const check = sustainedCheck()
    const evidence = { verdict: check.verdict, headline: check.headline, sustainWeeks: 12 }
    await officeWrites.assess(
      made.id,
      {
        decisions: decisionsFrom(
          DEFAULT_CRITERIA,
          decisions('not-yet', 'Say what patients and the night team noticed'),
        ),
        text: 'Nearly there',
        evidence,
        certification: null,
      },
      'Kay',
      now(3),
    )
    await office.engine.syncOnce()

    // The ward sees the outcome and the feedback, improves the reflection and sends it again.
    await ward.engine.syncOnce()
    const seen = await stateOn(ward, made.id)
    expect(seen.state).toBe('not-yet')
    expect(seen.assessment?.decisions?.find((d) => d.criterionId === 'meaningful')).toMatchObject({
      decision: 'not-yet',
      feedback: 'Say what patients and the night team noticed',
    })
    const better = `${fields.reflection} Patients told us they felt safer at night, and the night team asked to keep it.`
    await wardWrites.resubmit(made.id, better, 'Added what patients said', 'Priya Shah', now(4))
    await ward.engine.syncOnce()

    // The office certifies; the recognition goes to the trust library with the names (they agreed).
    await office.engine.syncOnce()
    const stored = (await office.database.certSubmissions.get(made.id))!
    expect(stored.reflection).toBe(better)
    await officeWrites.assess(
      made.id,
      {
        decisions: decisionsFrom(DEFAULT_CRITERIA, decisions('met')),
        text: 'Certified: well done',
        evidence,
        certification: certificationFrom(
          stored,
          { unitName: 'Ward A', csuId: org.csu.id, csuName: 'Medicine' },
          check,
          12,
          library,
          now(5).toISOString(),
          'Kay',
        ),
      },
      'Kay',
      now(5),
    )
    expect(await office.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 2 })

    await ward.engine.syncOnce()
    await elsewhere.engine.syncOnce()
    const final = await stateOn(ward, made.id)
    expect(final).toMatchObject({ state: 'certified', round: 2 })
    // The thread keeps both reflections.
    const thread = await ward.database.certEntries.where('submissionId').equals(made.id).toArray()
    expect(thread.filter((e) => e.reflection).map((e) => e.reflection)).toEqual(
      expect.arrayContaining([fields.reflection, better]),
    )
    for (const tablet of [ward, elsewhere]) {
      expect(await tablet.database.certifications.get(`certified-${made.id}`)).toMatchObject({
        unitId: library,
        names: ['Priya Shah', 'Sam Jones'],
        measureName: 'Falls',
      })
    }
    // Another CSU's ward never holds the submission itself.
    expect(await elsewhere.database.certSubmissions.count()).toBe(0)
    // Nothing the ward wrote waits for the library or was refused.
    expect(await ward.database.outbox.count()).toBe(0)
    expect(await ward.database.notSent.count()).toBe(0)
  })
})
