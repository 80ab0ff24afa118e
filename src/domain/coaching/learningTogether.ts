// Learning together: colleagues who practised a concept here, listed only by their own choice, and
// questions to them through the app. The list comes from certified and implemented work; a person is on
// it only while their listing says yes (the default is not to be listed). Pure: no Vue, no Dexie.
import { samePerson } from '../portfolio'
import { londonDay } from '../dates'
import type { ConceptQuestion, DayKey, Idea, Instant, PractisedWork, PractitionerListing } from '../types'
import type { Errors } from '../validation'

export const QUESTION_MAX = 1000

/** A short, stable hash of a name, so one person on one ward has one listing whoever's tablet writes it. */
function nameKey(person: string): string {
  const normal = person.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB')
  let h = 0x811c9dc5
  for (const ch of normal) {
    h ^= ch.codePointAt(0)!
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export function practitionerId(homeUnitId: string, person: string): string {
  return `practitioner-${homeUnitId}-${nameKey(person)}`
}

/**
 * The work a person practised concepts through, from what the tablet holds: ideas they raised or own that
 * were implemented or sustained, and improvements certified with them among the names (`certified`: the
 * idea's id and the day it was certified). Only work linked to a concept counts; newest first.
 */
export function practisedWorkOf(
  person: string,
  ideas: readonly Pick<Idea, 'id' | 'idea' | 'raisedBy' | 'owner' | 'status' | 'implementedAt' | 'conceptIds'>[],
  certified: readonly {
    ideaId: string
    names: readonly string[]
    title: string
    conceptIds: readonly string[]
    day: DayKey
  }[],
): PractisedWork[] {
  const work = new Map<string, PractisedWork>()
  for (const c of certified) {
    if (!c.names.some((n) => samePerson(n, person)) || c.conceptIds.length === 0) continue
    work.set(c.ideaId, {
      ideaId: c.ideaId,
      title: c.title,
      kind: 'certified',
      conceptIds: [...c.conceptIds],
      day: c.day,
    })
  }
  for (const idea of ideas) {
    if (work.has(idea.id) || idea.conceptIds.length === 0) continue
    if (idea.status !== 'implemented' && idea.status !== 'sustained') continue
    if (!samePerson(idea.raisedBy, person) && !samePerson(idea.owner, person)) continue
    work.set(idea.id, {
      ideaId: idea.id,
      title: idea.idea.trim(),
      kind: 'implemented',
      conceptIds: [...idea.conceptIds],
      day: idea.implementedAt ? londonDay(new Date(idea.implementedAt)) : '',
    })
  }
  return [...work.values()].sort((a, b) => b.day.localeCompare(a.day) || a.title.localeCompare(b.title))
}

export interface Practitioner {
  listing: PractitionerListing
  /** Their work on this concept. */
  work: PractisedWork[]
}

/** The people listed for a concept: only those whose listing says yes and names work on it; certified first. */
export function practitionersOf(conceptId: string, listings: readonly PractitionerListing[]): Practitioner[] {
  return listings
    .filter((l) => l.listed)
    .map((listing) => ({ listing, work: listing.work.filter((w) => w.conceptIds.includes(conceptId)) }))
    .filter((p) => p.work.length > 0)
    .sort(
      (a, b) =>
        Number(b.work.some((w) => w.kind === 'certified')) - Number(a.work.some((w) => w.kind === 'certified')) ||
        a.listing.person.localeCompare(b.listing.person),
    )
}

export type QuestionField = 'text'

export function validateQuestion(text: string, kind: ConceptQuestion['kind']): Errors<QuestionField> {
  const trimmed = text.trim()
  if (!trimmed) return { text: kind === 'question' ? 'Write your question' : 'Write your answer' }
  if (trimmed.length > QUESTION_MAX)
    return { text: `Keep it to ${QUESTION_MAX.toLocaleString('en-GB')} characters or fewer` }
  return {}
}

export interface QuestionThread {
  question: ConceptQuestion
  answers: ConceptQuestion[]
}

/** Questions with their answers in time order, the latest activity first. */
export function questionThreads(posts: readonly ConceptQuestion[]): QuestionThread[] {
  const byThread = new Map<string, QuestionThread>()
  const byTime = [...posts].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
  for (const post of byTime) if (post.kind === 'question') byThread.set(post.id, { question: post, answers: [] })
  for (const post of byTime) if (post.kind === 'answer') byThread.get(post.threadId)?.answers.push(post)
  const last = (t: QuestionThread): Instant => t.answers.at(-1)?.at ?? t.question.at
  return [...byThread.values()].sort((a, b) => last(b).localeCompare(last(a)))
}
