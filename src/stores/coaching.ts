import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as writes from '@/db/coachingWrites'
import { useCoaching } from '@/db/queries/coaching'
import { recordNow } from '@/db/repo'
import { namesFrom } from '@/domain/certification'
import {
  coachesFor,
  offerSubject,
  orderRequests,
  validateRequest,
  validateRoster,
  validateSession,
} from '@/domain/coaching'
import { askPlace, type AskPlace } from '@/domain/coaching/place'
import { londonDay } from '@/domain/dates'
import { FieldErrors, InputError } from '@/domain/errors'
import type { CoachRequest, CoachRequestAbout } from '@/domain/types'
import { hasErrors } from '@/domain/validation'
import { useConceptLibraryStore } from './conceptLibrary'
import { useOrgStore } from './org'

/** Thrown with every problem of a coaching form, keyed by field. */
export class CoachFormErrors extends FieldErrors {}

function refuse(errors: Record<string, string | undefined>) {
  if (hasErrors(errors)) throw new CoachFormErrors(errors)
}

export type { AskPlace }

/**
 * Coaching's commands: the office names coaches per CSU, a team asks for a coach from a board or an idea,
 * the office offers coaching from the coverage view, and a coach takes a request, logs sessions and marks it
 * done. The rules are domain/coaching; the writes db/coachingWrites.ts; rows read live through db/queries.
 */
export const useCoachingStore = defineStore('coaching', () => {
  const library = useConceptLibraryStore()
  const org = useOrgStore()
  const wanted = ref(false)
  const live = useCoaching(wanted)
  const requests = computed(() => orderRequests(live.data.value.requests))
  const rosters = computed(() => live.data.value.rosters)
  const loaded = computed(() => wanted.value && live.loaded.value)

  function load(): Promise<void> {
    if (!wanted.value) wanted.value = true
    else if (live.loaded.value) return Promise.resolve()
    return live.settled()
  }

  const settled = () => (wanted.value ? live.settled() : Promise.resolve())

  function sessionsOf(requestId: string) {
    return live.data.value.sessions
      .filter((s) => s.requestId === requestId)
      .sort((a, b) => a.day.localeCompare(b.day) || a.createdAt.localeCompare(b.createdAt))
  }

  function coachesOf(request: Pick<CoachRequest, 'csuId'>) {
    return coachesFor(request, rosters.value)
  }

  function rosterOf(csuId: string): string[] {
    return rosters.value.find((r) => r.csuId === csuId)?.coaches ?? []
  }

  /** Where a request from a board in `scopeId` goes (domain/coaching/place). */
  function placeOf(scopeId: string, boardId: string | null): AskPlace {
    return askPlace(scopeId, boardId, org, org.scopeName)
  }

  async function saveRoster(csuId: string, typed: string, by: string) {
    refuse(validateRoster(typed))
    if (!library.canEdit || !library.trustId)
      throw new InputError('Only the improvement office names coaches, on a tablet enrolled for the trust')
    await writes.saveRoster(library.trustId, csuId, namesFrom(typed), by, await recordNow())
    await settled()
  }

  async function ask(
    place: AskPlace,
    about: CoachRequestAbout,
    subject: string,
    ideaId: string | null,
    text: string,
    by: string,
  ) {
    refuse(validateRequest({ text }))
    const saved = await writes.ask(
      {
        unitId: place.scopeId,
        origin: 'asked',
        about,
        boardId: place.boardId,
        ideaId,
        subject,
        text,
        csuId: place.csuId,
        place: place.place,
      },
      by,
      await recordNow(),
    )
    await settled()
    return saved
  }

  /** One tap on the coverage view: an open offer to a unit, about the concepts it has not used yet. */
  async function offer(unit: { id: string; name: string; csuId: string }, untouched: readonly string[], by: string) {
    const subject = offerSubject(untouched)
    const saved = await writes.ask(
      {
        unitId: unit.id,
        origin: 'offered',
        about: 'concepts',
        boardId: null,
        ideaId: null,
        subject,
        text: `Coaching offered to ${unit.name} on the concepts it has not used yet: ${subject}.`,
        csuId: unit.csuId,
        place: unit.name,
      },
      by,
      await recordNow(),
    )
    await settled()
    return saved
  }

  async function take(requestId: string, by: string) {
    await writes.take(requestId, by, await recordNow())
    await settled()
  }

  async function markDone(requestId: string, by: string) {
    await writes.markDone(requestId, by, await recordNow())
    await settled()
  }

  async function logSession(requestId: string, input: { day: string; notes: string }, by: string) {
    refuse(validateSession(input, londonDay()))
    await writes.logSession(requestId, input, by, await recordNow())
    await settled()
  }

  return {
    requests,
    rosters,
    loaded,
    load,
    sessionsOf,
    coachesOf,
    rosterOf,
    placeOf,
    saveRoster,
    ask,
    offer,
    take,
    markDone,
    logSession,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCoachingStore, import.meta.hot))
