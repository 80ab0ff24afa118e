// Coaching and learning together, read live: the coaches per CSU (library), the coaching requests and
// sessions this tablet holds (a ward its own, a CSU tablet its wards', the office every unit's), the
// colleagues listed for a concept and the questions to them (library, so every tablet of the trust holds them).
import type { Ref } from 'vue'
import { certThreadState } from '@/domain/certification'
import { practisedWorkOf, practitionerId } from '@/domain/coaching'
import { londonDay } from '@/domain/dates'
import type {
  CoachRequest,
  CoachRoster,
  CoachSession,
  ConceptQuestion,
  PractisedWork,
  PractitionerListing,
} from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export interface CoachingHeld {
  requests: CoachRequest[]
  sessions: CoachSession[]
  rosters: CoachRoster[]
}

const NO_COACHING: CoachingHeld = { requests: [], sessions: [], rosters: [] }

export function readCoaching(): Promise<CoachingHeld> {
  return db.transaction('r', [db.coachRequests, db.coachSessions, db.coachRosters], async () => {
    const [requests, sessions, rosters] = await Promise.all([
      db.coachRequests.toArray(),
      db.coachSessions.toArray(),
      db.coachRosters.toArray(),
    ])
    return { requests, sessions, rosters }
  })
}

/** Every coaching request, session and roster held: nothing until `wanted` (the board never reads them). */
export function useCoaching(wanted: Ref<boolean>) {
  return useLiveQuery(() => (wanted.value ? readCoaching() : Promise.resolve(NO_COACHING)), NO_COACHING, wanted)
}

export interface ConceptPeople {
  listings: PractitionerListing[]
  posts: ConceptQuestion[]
}

const NO_PEOPLE: ConceptPeople = { listings: [], posts: [] }

export function readConceptPeople(conceptId: string): Promise<ConceptPeople> {
  return db.transaction('r', [db.practitioners, db.conceptQuestions], async () => {
    const [listings, posts] = await Promise.all([
      db.practitioners.toArray(),
      db.conceptQuestions.where('conceptId').equals(conceptId).toArray(),
    ])
    return { listings, posts }
  })
}

/** The listings and one concept's questions, live: an answer pulled from another ward shows at once. */
export function useConceptPeople(conceptId: Ref<string>) {
  return useLiveQuery(() => readConceptPeople(conceptId.value), NO_PEOPLE, conceptId)
}

export interface PersonSharing {
  /** Their listing for the ward given, when they have made a choice. */
  listing: PractitionerListing | undefined
  /** Their certified and implemented work with concepts, as this tablet holds it. */
  work: PractisedWork[]
}

const NO_SHARING: PersonSharing = { listing: undefined, work: [] }

export async function readPersonSharing(person: string, homeUnitId: string): Promise<PersonSharing> {
  if (!person || !homeUnitId) return NO_SHARING
  const tables = [db.practitioners, db.ideas, db.certSubmissions, db.certEntries, db.certifications]
  return db.transaction('r', tables, async () => {
    const [listing, ideas, submissions, entries, certifications] = await Promise.all([
      db.practitioners.get(practitionerId(homeUnitId, person)),
      db.ideas.toArray(),
      db.certSubmissions.toArray(),
      db.certEntries.toArray(),
      db.certifications.toArray(),
    ])
    // Certified: the trust-wide records (names only with consent) and the submissions this tablet holds.
    const certified = certifications.map((c) => ({
      ideaId: c.ideaId,
      names: c.names,
      title: c.title,
      conceptIds: c.conceptIds,
      day: londonDay(new Date(c.certifiedAt)),
    }))
    for (const s of submissions) {
      const thread = certThreadState(entries.filter((e) => e.submissionId === s.id))
      if (thread.state !== 'certified' || !thread.assessment) continue
      certified.push({
        ideaId: s.ideaId,
        names: s.names,
        title: s.title,
        conceptIds: s.conceptIds,
        day: londonDay(new Date(thread.assessment.at)),
      })
    }
    return { listing, work: practisedWorkOf(person, ideas, certified) }
  })
}

/** A person's sharing choice and the work it would list, live while the learning record shows them. */
export function usePersonSharing(person: Ref<string>, homeUnitId: Ref<string>) {
  return useLiveQuery(() => readPersonSharing(person.value, homeUnitId.value), NO_SHARING, [person, homeUnitId])
}
