import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase, SYNC_META } from '@/db/db'
import { emptyDraft, draftOf } from '@/domain/conceptEditing'
import { libraryScopeId } from '@/shared/sync/scopes'
import { useConceptLibraryStore } from '@/stores/conceptLibrary'
import { ConceptDraftError, useConceptsStore } from '@/stores/concepts'

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
})

const NOW = new Date('2026-11-26T09:30:00.000Z')

async function oneTrust(id = 't1') {
  await db.trusts.put({ id, name: 'Northfield NHS Trust', createdAt: NOW.toISOString() })
}

async function enrolAs(kind: string) {
  await db.meta.put({
    key: SYNC_META.enrolment,
    value: {
      deviceId: 'd1',
      token: 'tok',
      serverId: 's1',
      name: 'Ward 7 tablet',
      scope: { id: 'u7', name: 'Ward 7', kind },
      trust: { id: 't2', name: 'Enrolled trust' },
      csu: { id: 'c1', name: 'Medicine', trustId: 't2' },
      units: [],
      enrolledAt: NOW.toISOString(),
    },
  })
}

describe('the concept library stores', () => {
  it("saves an edit in the trust's library scope, with history and outbox, and chips use the new name", async () => {
    await oneTrust()
    const library = useConceptLibraryStore()
    const concepts = useConceptsStore()
    await library.load()
    expect(library.canEdit).toBe(true)
    const draft = {
      ...draftOf(concepts.concept('five-s')!),
      name: 'Five S',
      resources: [{ title: 'Our 5S guide', url: 'https://intranet.example.nhs.uk/5s' }],
    }
    await concepts.saveConcept('five-s', draft, 'Kim', NOW)

    const stored = await db.conceptEdits.get('five-s')
    expect(stored).toMatchObject({
      unitId: libraryScopeId('t1'),
      name: 'Five S',
      summary: null,
      builtIn: true,
      updatedBy: 'Kim',
    })
    expect(await db.outbox.where('table').equals('conceptEdits').count()).toBe(1)
    expect(await db.history.where('[table+recordId]').equals(['conceptEdits', 'five-s']).count()).toBe(1)
    expect(library.conceptRef('five-s')?.name).toBe('Five S')
    expect(concepts.concept('five-s')?.resources).toEqual([
      { title: 'Our 5S guide', url: 'https://intranet.example.nhs.uk/5s' },
    ])

    // A fresh Pinia (another screen, a reload) reads it back from Dexie.
    setActivePinia(createPinia())
    await useConceptLibraryStore().load()
    expect(useConceptLibraryStore().conceptRef('five-s')?.name).toBe('Five S')
  })

  it('refuses a duplicate name and a javascript: link, and saves nothing', async () => {
    await oneTrust()
    const concepts = useConceptsStore()
    const draft = {
      ...emptyDraft('daily'),
      name: 'pdsa',
      summary: 'S.',
      whatItIs: 'W.',
      resources: [{ title: 'x', url: 'javascript:alert(1)' }],
    }
    const refused = await concepts.saveConcept(null, draft, 'Kim', NOW).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ConceptDraftError)
    expect(Object.keys((refused as ConceptDraftError).errors)).toEqual(['name', 'resource-url-0'])
    expect(await db.conceptEdits.count()).toBe(0)
  })

  it('adds a trust concept to the pickers, and retiring it keeps its chip readable', async () => {
    await oneTrust()
    const library = useConceptLibraryStore()
    const concepts = useConceptsStore()
    const added = await concepts.saveConcept(
      null,
      { ...emptyDraft('daily'), name: 'Board walk', summary: 'Walk the boards.', whatItIs: 'A walk.' },
      'Kim',
      NOW,
    )
    expect(library.search('board walk').map((r) => r.id)).toEqual([added.id])

    await concepts.setRetired(added.id, true, 'Kim', NOW)
    expect(library.search('board walk')).toEqual([])
    expect(library.conceptRef(added.id)).toMatchObject({ name: 'Board walk', retired: true })
    expect(concepts.concept(added.id)?.retiredAt).toBe(NOW.toISOString())
    expect(concepts.inUse.map((c) => c.id)).not.toContain(added.id)

    await concepts.setRetired('pdsa', true, 'Kim', NOW)
    expect(concepts.concept('pdsa')).toMatchObject({ retired: true, name: 'PDSA', edited: false })
    await concepts.setRetired('pdsa', false, 'Kim', NOW)
    expect(concepts.concept('pdsa')?.retired).toBe(false)
  })

  it.each([
    ['unit', false],
    ['csu', false],
    ['trust', true],
  ])('a device enrolled for a %s may edit: %s', async (kind, may) => {
    await enrolAs(kind)
    const library = useConceptLibraryStore()
    await library.load()
    expect(library.trustId).toBe('t2')
    expect(library.canEdit).toBe(may)
    if (!may) {
      await expect(useConceptsStore().setRetired('pdsa', true, 'Kim', NOW)).rejects.toThrow(/improvement office/)
      expect(await db.conceptEdits.count()).toBe(0)
    }
  })
})
