import { acceptHMRUpdate, defineStore } from 'pinia'
import * as writes from '@/db/coachingWrites'
import { recordNow } from '@/db/repo'
import { practitionerId, validateQuestion } from '@/domain/coaching'
import { InputError } from '@/domain/errors'
import { newId } from '@/domain/ids'
import type { ConceptQuestion, PractisedWork, PractitionerListing } from '@/domain/types'
import { hasErrors } from '@/domain/validation'
import { useConceptLibraryStore } from './conceptLibrary'
import { CoachFormErrors } from './coaching'

/**
 * Learning together: a colleague's choice to be listed on the concept pages (with the work it lists), and
 * questions and answers between colleagues. Both live in the trust library, which every tablet of the trust
 * reads and, for these two tables only, writes (shared/sync/scopes.ts OPEN_LIBRARY_TABLES).
 */
export const useLearningTogetherStore = defineStore('learningTogether', () => {
  const library = useConceptLibraryStore()

  async function libraryScope(): Promise<string> {
    await library.load()
    if (!library.scopeId) throw new InputError('This tablet does not know its trust yet: enrol it or set it up first')
    return library.scopeId
  }

  /** Yes lists them with the work given; no keeps the record and lists nothing. */
  async function setSharing(
    person: string,
    home: { id: string; name: string },
    listed: boolean,
    work: readonly PractisedWork[],
    by: string,
  ): Promise<PractitionerListing> {
    if (listed && work.length === 0)
      throw new InputError('There is no certified or implemented work linked to a concept to list yet')
    return writes.saveListing(
      {
        id: practitionerId(home.id, person),
        unitId: await libraryScope(),
        person: person.trim(),
        homeUnitId: home.id,
        homeUnitName: home.name,
        listed,
        work: listed ? [...work] : [],
      },
      by,
      await recordNow(),
    )
  }

  async function ask(conceptId: string, to: PractitionerListing, text: string, place: string, by: string) {
    const errors = validateQuestion(text, 'question')
    if (hasErrors(errors)) throw new CoachFormErrors(errors)
    const id = newId()
    const [scope, now] = [await libraryScope(), await recordNow()]
    return writes.post(postOf(id, id, 'question', conceptId, to, text, place, by, scope, now), by, now)
  }

  async function answer(question: ConceptQuestion, text: string, place: string, by: string) {
    const errors = validateQuestion(text, 'answer')
    if (hasErrors(errors)) throw new CoachFormErrors(errors)
    const to = { id: question.practitionerId, person: question.to }
    const now = await recordNow()
    return writes.post(
      postOf(newId(), question.id, 'answer', question.conceptId, to, text, place, by, question.unitId, now),
      by,
      now,
    )
  }

  function postOf(
    id: string,
    threadId: string,
    kind: ConceptQuestion['kind'],
    conceptId: string,
    to: Pick<PractitionerListing, 'id' | 'person'>,
    text: string,
    place: string,
    by: string,
    scope: string,
    now: Date,
  ) {
    return {
      id,
      unitId: scope,
      kind,
      threadId,
      conceptId,
      practitionerId: to.id,
      to: to.person,
      text: text.trim(),
      author: by,
      authorPlace: place,
      at: now.toISOString(),
    }
  }

  return { setSharing, ask, answer }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useLearningTogetherStore, import.meta.hot))
