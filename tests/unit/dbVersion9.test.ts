import { describe, expect, it } from 'vitest'
import { HuddleDatabase } from '@/db/db'
import { repoFor } from '@/db/repo'
import type { CertEntry, CertSubmission } from '@/domain/types'
import { at, latestVersion, meta, shippedDatabase } from './shippedSchemas'

describe('database version 9', () => {
  it('opens a version-8 database with its goals and kept records intact, and adds the certification tables', async () => {
    const old = shippedDatabase('upgrade-from-v8', 8)
    await old.table('goals').put({ ...meta('g1'), tier: 'unit', ownerScopeId: 'u1', title: 'No falls in the bay' })
    // A submission pulled while this tablet's version did not know the table: kept until the update.
    await old.table('keptRecords').put({
      table: 'certSubmissions',
      id: 's0',
      scope: 'u1',
      seq: 4,
      fields: { title: 'Red trays at lunch' },
      clocks: { title: '1764144000000:000000:dabc' },
    })
    expect(old.verno).toBe(8)
    old.close()

    const upgraded = new HuddleDatabase('upgrade-from-v8')
    await upgraded.open()
    expect(upgraded.verno).toBe(latestVersion)
    expect(await upgraded.goals.get('g1')).toMatchObject({ title: 'No falls in the bay' })
    expect(await upgraded.keptRecords.get(['certSubmissions', 's0'])).toMatchObject({ seq: 4 })

    const repo = repoFor(upgraded)
    await repo.saveRecord<CertSubmission>(
      'certSubmissions',
      {
        id: 's1',
        unitId: 'u1',
        ideaId: 'i1',
        boardId: 'b1',
        title: 'Red trays at lunch',
        problem: 'Patients who need help miss meals',
        names: ['Priya'],
        measureId: 'm1',
        measureName: 'Meals missed',
        changeDay: '2026-06-01',
        pdsaCycleIds: [],
        conceptIds: ['pdsa'],
        reflection: 'We tried red trays.',
        sponsor: 'Dr Shah',
        consentToShare: true,
      },
      'Priya',
    )
    await repo.saveRecord<CertEntry>(
      'certEntries',
      {
        id: 'e1',
        unitId: 'u1',
        submissionId: 's1',
        kind: 'submit',
        role: 'colleague',
        author: 'Priya',
        at,
        text: '',
        reflection: 'We tried red trays.',
        decisions: null,
        outcome: null,
        evidence: null,
      },
      'Priya',
    )
    expect(await upgraded.certSubmissions.where('ideaId').equals('i1').count()).toBe(1)
    expect(await upgraded.certEntries.where('submissionId').equals('s1').count()).toBe(1)
    expect(await upgraded.certifications.count()).toBe(0)
    expect(await upgraded.certCriteria.count()).toBe(0)
    expect(await upgraded.outbox.where('table').anyOf('certSubmissions', 'certEntries').count()).toBe(2)
    upgraded.close()
  })
})
