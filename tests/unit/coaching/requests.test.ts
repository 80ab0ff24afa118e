import { describe, expect, it } from 'vitest'
import {
  coachesFor,
  coachMoveRefusal,
  coachMovesOpen,
  liveOffer,
  offerSubject,
  orderRequests,
  validateRequest,
  validateRoster,
  validateSession,
  type CoachMove,
} from '@/domain/coaching'
import type { CoachRequest } from '@/domain/types'

const rosters = [
  { csuId: 'medicine', coaches: ['Jo Coach', 'Ravi Patel'] },
  { csuId: 'surgery', coaches: ['Ann Lee'] },
]

const request = (over: Partial<CoachRequest> = {}): CoachRequest => ({
  id: 'r1',
  unitId: 'ward-7',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  updatedBy: 'Sam',
  origin: 'asked',
  about: 'board',
  boardId: 'b1',
  ideaId: null,
  subject: 'Ward 7 board',
  text: 'Help us read our falls chart',
  csuId: 'medicine',
  place: 'Ward 7',
  askedBy: 'Sam',
  askedAt: '2026-12-01T09:00:00.000Z',
  state: 'open',
  takenBy: null,
  takenAt: null,
  doneAt: null,
  ...over,
})

describe('coachesFor', () => {
  it.each([
    ['a ward of Medicine', 'medicine', ['Jo Coach', 'Ravi Patel']],
    ['a ward of Surgery', 'surgery', ['Ann Lee']],
    ['a CSU with no coaches named', 'theatres', []],
    ['the trust board (any coach)', null, ['Jo Coach', 'Ravi Patel', 'Ann Lee']],
  ] as const)('%s', (_name, csuId, coaches) => {
    expect(coachesFor({ csuId }, rosters)).toEqual(coaches)
  })
})

describe('coachMoveRefusal', () => {
  const medicine = coachesFor({ csuId: 'medicine' }, rosters)
  const taken = { state: 'taken' as const, takenBy: 'Jo Coach', takenAt: '2026-12-01T10:00:00.000Z' }
  it.each<[string, Partial<CoachRequest>, CoachMove, string, readonly string[], string | null]>([
    ['a coach of the CSU takes an open request', {}, 'take', 'jo coach', medicine, null],
    [
      'a coach of another CSU takes it',
      {},
      'take',
      'Ann Lee',
      medicine,
      'Ann Lee is not named as a coach for this CSU',
    ],
    [
      'no coaches named yet',
      {},
      'take',
      'Jo Coach',
      [],
      'No coaches are named for this CSU yet: the improvement office names them on the coaching page',
    ],
    ['a second coach takes a taken request', taken, 'take', 'Ravi Patel', medicine, 'Jo Coach has already taken it'],
    ['a session before anyone took it', {}, 'session', 'Jo Coach', medicine, 'A coach takes it first'],
    ['the coach who took it logs a session', taken, 'session', 'Jo Coach', medicine, null],
    ['another coach logs a session', taken, 'session', 'Ravi Patel', medicine, 'Only Jo Coach who took it can do that'],
    ['the coach who took it marks it done', taken, 'done', 'Jo Coach', medicine, null],
    ['the asker marks it done', taken, 'done', 'Sam', medicine, 'Only Jo Coach who took it can do that'],
    ['done twice', { ...taken, state: 'done' }, 'done', 'Jo Coach', medicine, 'It is already done'],
    ['a session logged after it was done', { ...taken, state: 'done' }, 'session', 'Jo Coach', medicine, null],
  ])('%s', (_name, over, move, by, coaches, refusal) => {
    expect(coachMoveRefusal(request(over), move, by, coaches)).toBe(refusal)
  })

  it.each([
    ['open', ['take']],
    ['taken', ['session', 'done']],
    ['done', ['session']],
  ] as const)('offers the moves of a %s request', (state, moves) => {
    expect(coachMovesOpen({ state })).toEqual(moves)
  })
})

describe('forms', () => {
  it.each([
    ['', { text: 'Say in a sentence or two what you would like help with' }],
    ['  ', { text: 'Say in a sentence or two what you would like help with' }],
    ['Help with our run chart', {}],
    ['x'.repeat(501), { text: 'Keep it to 500 characters or fewer' }],
  ])('request %j', (text, errors) => {
    expect(validateRequest({ text })).toEqual(errors)
  })

  it.each([
    [{ day: '2026-12-07', notes: 'Read the run chart together' }, {}],
    [{ day: '2026-12-08', notes: 'Tomorrow' }, { day: 'The session day must be today or in the past' }],
    [{ day: '07/12/2026', notes: 'x' }, { day: 'Enter the day of the session' }],
    [{ day: '2026-12-01', notes: ' ' }, { notes: 'Write what you worked on and what the team will try next' }],
    [{ day: '2026-12-01', notes: 'x'.repeat(1001) }, { notes: 'Session notes must be 1,000 characters or fewer' }],
  ])('session %j', (input, errors) => {
    expect(validateSession(input, '2026-12-07')).toEqual(errors)
  })

  it.each([
    ['Jo Coach\nRavi Patel', {}],
    ['', {}],
    [Array.from({ length: 21 }, (_, i) => `Coach ${i}`).join(','), { coaches: 'Name 20 coaches or fewer for one CSU' }],
    ['x'.repeat(61), { coaches: 'Each name must be 60 characters or fewer' }],
  ])('roster %j', (typed, errors) => {
    expect(validateRoster(typed)).toEqual(errors)
  })
})

describe('ordering and offers', () => {
  it('lists open requests oldest first, then taken, then done newest first', () => {
    const list = [
      request({ id: 'done-old', state: 'done', askedAt: '2026-11-01T09:00:00.000Z' }),
      request({ id: 'open-new', askedAt: '2026-12-02T09:00:00.000Z' }),
      request({ id: 'taken', state: 'taken', askedAt: '2026-11-20T09:00:00.000Z' }),
      request({ id: 'open-old', askedAt: '2026-11-30T09:00:00.000Z' }),
      request({ id: 'done-new', state: 'done', askedAt: '2026-11-15T09:00:00.000Z' }),
    ]
    expect(orderRequests(list).map((r) => r.id)).toEqual(['open-old', 'open-new', 'taken', 'done-new', 'done-old'])
  })

  it.each([
    [['PDSA'], 'PDSA'],
    [['PDSA', 'Gemba', '5S', 'SPC'], 'PDSA, Gemba, 5S, SPC'],
    [['PDSA', 'Gemba', '5S', 'SPC', 'A3', 'Kaizen'], 'PDSA, Gemba, 5S, SPC and 2 more'],
  ])('offer subject for %j', (untouched, subject) => {
    expect(offerSubject(untouched)).toBe(subject)
  })

  it('finds the live offer to a unit, not a done one or an asked request', () => {
    const offered = request({ id: 'o1', origin: 'offered', about: 'concepts' })
    const list = [
      request({ id: 'asked' }),
      request({ id: 'old', origin: 'offered', about: 'concepts', state: 'done' }),
      offered,
    ]
    expect(liveOffer(list, 'ward-7')?.id).toBe('o1')
    expect(liveOffer(list, 'ward-8')).toBeUndefined()
    expect(liveOffer([list[0]!, list[1]!], 'ward-7')).toBeUndefined()
  })
})
