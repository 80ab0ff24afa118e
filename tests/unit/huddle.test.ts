import { describe, expect, it } from 'vitest'
import { londonDay } from '@/domain/dates'
import {
  heldDaysText,
  agendaSeconds,
  composeHuddleNotes,
  describeSeconds,
  draftFromAgenda,
  draftTotalSeconds,
  elapsedSeconds,
  formatMinSec,
  goTo,
  huddleNudge,
  huddlesPerWeek,
  huddleTimings,
  isHuddleOver,
  isItemOver,
  itemElapsedSeconds,
  itemNudge,
  itemProgress,
  itemRemainingSeconds,
  measuresForStep,
  next,
  pageCount,
  pageOf,
  previous,
  remainingSeconds,
  startHuddle,
  thisWeek,
  validateAgendaDraft,
  validateAttendance,
  validateHuddleEnd,
  type RunningHuddle,
} from '@/domain/huddle'
import type { AgendaItem, MeasureCategory } from '@/domain/types'

const AGENDA: AgendaItem[] = [
  { id: 'safety', title: 'Safety', seconds: 180, kind: 'safety' },
  { id: 'measures', title: "Yesterday's measures", seconds: 120, kind: 'measures' },
  { id: 'plan', title: "Today's plan", seconds: 60, kind: 'plan' },
]
const T0 = Date.UTC(2026, 10, 26, 8, 0, 0) // 08:00 on 26/11/2026
const s = (seconds: number) => T0 + seconds * 1000

/** Apply moves at given seconds after the start: ['next', 30] etc. */
function run(moves: ['next' | 'previous' | number, number][]): RunningHuddle {
  let state = startHuddle('board-1', AGENDA, 10, T0)
  for (const [move, at] of moves) {
    if (move === 'next') state = next(state, s(at))
    else if (move === 'previous') state = previous(state, s(at))
    else state = goTo(state, move, s(at))
  }
  return state
}

describe('startHuddle', () => {
  it('starts on the first item with nothing spent and a snapshot of the agenda', () => {
    const state = startHuddle('board-1', AGENDA, 15, T0)
    expect(state).toMatchObject({
      boardId: 'board-1',
      totalSeconds: 900,
      startedAt: T0,
      currentIndex: 0,
      itemEnteredAt: T0,
      spentMs: [0, 0, 0],
    })
    expect(state.agenda).toEqual(AGENDA)
    expect(state.agenda[0]).not.toBe(AGENDA[0])
  })

  it('survives a JSON round trip unchanged (it is what sessionStorage keeps)', () => {
    const state = run([['next', 75]])
    expect(JSON.parse(JSON.stringify(state))).toEqual(state)
  })
})

describe('moving between items', () => {
  it.each([
    ['next moves on and banks the time', [['next', 30]], 1, [30_000, 0, 0]],
    [
      'next twice',
      [
        ['next', 30],
        ['next', 100],
      ],
      2,
      [30_000, 70_000, 0],
    ],
    [
      'next on the last item stays put',
      [
        ['next', 10],
        ['next', 20],
        ['next', 30],
      ],
      2,
      [10_000, 10_000, 0],
    ],
    ['previous on the first item stays put', [['previous', 40]], 0, [0, 0, 0]],
    [
      'going back accumulates on the earlier item',
      [
        ['next', 30],
        ['previous', 50],
        ['next', 65],
      ],
      1,
      [45_000, 20_000, 0],
    ],
    ['goTo jumps, clamped to the agenda', [[7, 20]], 2, [20_000, 0, 0]],
    [
      'goTo a negative index goes to the first item',
      [
        ['next', 10],
        [-3, 25],
      ],
      0,
      [10_000, 15_000, 0],
    ],
  ] as [string, ['next' | 'previous' | number, number][], number, number[]][])('%s', (_, moves, index, spent) => {
    const state = run(moves)
    expect(state.currentIndex).toBe(index)
    expect(state.spentMs).toEqual(spent)
  })

  it('going to the item already on screen changes nothing', () => {
    const state = run([['next', 30]])
    expect(goTo(state, 1, s(90))).toBe(state)
  })

  it('never banks negative time when the clock goes backwards', () => {
    expect(
      run([
        ['next', 30],
        ['next', 20],
      ]).spentMs,
    ).toEqual([30_000, 0, 0])
  })
})

describe('derived times', () => {
  it.each([
    // moves, now (s), elapsed, remaining, item elapsed, item remaining
    ['at the start', [], 0, 0, 600, 0, 180],
    ['part way through the first item', [], 59.9, 59, 541, 59, 121],
    ['on the second item', [['next', 100]], 130, 130, 470, 30, 90],
    [
      'back on the first item adds to its time',
      [
        ['next', 100],
        ['previous', 130],
      ],
      150,
      150,
      450,
      120,
      60,
    ],
    [
      'past the whole time box',
      [
        ['next', 100],
        ['next', 200],
      ],
      660,
      660,
      -60,
      460,
      -400,
    ],
    ['a clock set back before the start', [], -5, 0, 600, 0, 180],
  ] as [string, ['next' | 'previous' | number, number][], number, number, number, number, number][])(
    '%s',
    (_, moves, now, elapsed, remaining, itemElapsed, itemRemaining) => {
      const state = run(moves)
      expect(elapsedSeconds(state, s(now))).toBe(elapsed)
      expect(remainingSeconds(state, s(now))).toBe(remaining)
      expect(itemElapsedSeconds(state, s(now))).toBe(itemElapsed)
      expect(itemRemainingSeconds(state, s(now))).toBe(itemRemaining)
    },
  )

  it.each([
    [179, false],
    [180, false], // exactly on the time box is not over
    [180.999, false],
    [181, true], // one second past it is
  ])('first item at %s s: over is %s', (at, over) => {
    expect(isItemOver(run([]), s(at))).toBe(over)
  })

  it.each([
    [600, false],
    [601, true],
  ])('whole huddle at %s s: over is %s', (at, over) => {
    expect(isHuddleOver(run([]), s(at))).toBe(over)
  })

  it.each([
    [0, 'current', 'upcoming', 'upcoming', []],
    [1, 'done', 'current', 'upcoming', [['next', 10]]],
    [
      0,
      'current',
      'done',
      'done',
      [
        ['next', 10],
        ['next', 20],
        ['previous', 30],
        ['previous', 40],
      ],
    ],
  ] as [number, string, string, string, ['next' | 'previous' | number, number][]][])(
    'progress with item %s on screen: %s, %s, %s',
    (_, a, b, c, moves) => {
      const state = run(moves)
      expect([0, 1, 2].map((i) => itemProgress(state, i))).toEqual([a, b, c])
    },
  )
})

describe('nudges', () => {
  it.each([
    [180, null],
    [181, 'Safety is 1 second over its 3 minutes – move on?'],
    [210, 'Safety is 30 seconds over its 3 minutes – move on?'],
    [250, 'Safety is 1 minute 10 seconds over its 3 minutes – move on?'],
  ])('item nudge at %s s', (at, text) => {
    expect(itemNudge(run([]), s(at))).toBe(text)
  })

  it.each([
    [600, null],
    [602, 'The huddle is 2 seconds over its 10 minutes – time to finish?'],
    [720, 'The huddle is 2 minutes over its 10 minutes – time to finish?'],
  ])('huddle nudge at %s s', (at, text) => {
    expect(
      huddleNudge(
        run([
          ['next', 10],
          ['next', 20],
        ]),
        s(at),
      ),
    ).toBe(text)
  })

  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [59, '59 seconds'],
    [60, '1 minute'],
    [61, '1 minute 1 second'],
    [180, '3 minutes'],
    [-30, '30 seconds'],
  ])('describeSeconds(%s) = %s', (seconds, text) => {
    expect(describeSeconds(seconds)).toBe(text)
  })

  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [60, '1 min'],
    [750, '12 min 30 s'],
    [-5, '0 s'],
  ])('formatMinSec(%s) = %s', (seconds, text) => {
    expect(formatMinSec(seconds)).toBe(text)
  })
})

describe('the huddle record', () => {
  it('times every item, including going back and items never reached', () => {
    const state = run([
      ['next', 200],
      ['previous', 260],
      ['next', 290],
    ])
    expect(huddleTimings(state, s(330))).toEqual([
      { agendaItemId: 'safety', title: 'Safety', seconds: 230, timeBoxSeconds: 180 },
      { agendaItemId: 'measures', title: "Yesterday's measures", seconds: 100, timeBoxSeconds: 120 },
      { agendaItemId: 'plan', title: "Today's plan", seconds: 0, timeBoxSeconds: 60 },
    ])
  })

  it('timings add up to the huddle length', () => {
    const state = run([
      ['next', 61],
      ['next', 130],
      ['previous', 190],
      [0, 250],
    ])
    const total = huddleTimings(state, s(400)).reduce((sum, t) => sum + t.seconds, 0)
    expect(total).toBe(elapsedSeconds(state, s(400)))
  })

  it('puts general notes first, then each notes step under its title, skipping empty ones', () => {
    const agenda: AgendaItem[] = [
      ...AGENDA,
      { id: 'ideas', title: 'Ideas', seconds: 60, kind: 'ideas' },
      { id: 'thanks', title: 'Recognition', seconds: 60, kind: 'recognition' },
    ]
    const notes = composeHuddleNotes(agenda, '  Fire drill at 2pm ', {
      plan: 'Two discharges before noon',
      ideas: '  ',
      thanks: 'Thanks to Grace',
      safety: 'ignored: not a notes step',
    })
    expect(notes).toBe("Fire drill at 2pm\n\nToday's plan: Two discharges before noon\n\nRecognition: Thanks to Grace")
    expect(composeHuddleNotes(agenda, '', {})).toBe('')
  })

  it.each([
    [0, 'Enter how many people were at the huddle (at least 1)'],
    [Number.NaN, 'Enter how many people were at the huddle (at least 1)'],
    [-2, 'Enter how many people were at the huddle (at least 1)'],
    [2.5, 'Enter the number of people at the huddle as a whole number'],
    [201, 'The number of people at the huddle must be 200 or fewer'],
    [1, undefined],
    [200, undefined],
  ])('attendance %s → %s', (attendance, message) => {
    expect(validateAttendance(attendance)).toBe(message)
  })

  it('needs a facilitator and notes within the limit', () => {
    expect(validateHuddleEnd({ attendance: 8, facilitator: ' ', notes: 'x'.repeat(4001) })).toEqual({
      facilitator: 'Enter who facilitated the huddle',
      notes: 'The notes must be 4000 characters or fewer (it has 4001)',
    })
    expect(validateHuddleEnd({ attendance: 8, facilitator: 'Sam', notes: '' })).toEqual({})
  })
})

describe('what the steps show', () => {
  const categories: MeasureCategory[] = [
    { id: 'safety', name: 'Safety' },
    { id: 'quality', name: 'Quality' },
    { id: 'c-2', name: 'Safety huddle extras' },
  ]
  const byCategory = categories.map((category) => ({
    category,
    measures: [{ id: `${category.id}-1`, categoryId: category.id }],
  }))

  it.each([
    ['safety', ['safety-1', 'c-2-1']],
    ['measures', ['quality-1']],
  ] as const)('%s step shows %j', (kind, ids) => {
    expect(measuresForStep(kind, byCategory).map((m) => m.id)).toEqual(ids)
  })

  it.each([
    [0, 0, 1, []],
    [8, 0, 1, [0, 7]],
    [9, 1, 2, [8, 8]],
    [19, 2, 3, [16, 18]],
    [19, 5, 3, [16, 18]], // past the end: the last page
  ])('%s items, page %s of %s pages', (count, page, pages, range) => {
    const items = Array.from({ length: count }, (_, i) => i)
    expect(pageCount(count)).toBe(pages)
    const shown = pageOf(items, page)
    expect(shown.length ? [shown[0], shown.at(-1)] : []).toEqual(range)
  })
})

describe('huddles per week', () => {
  const at = (instant: string) => ({ day: londonDay(new Date(instant)) })

  it('counts each Monday-to-Sunday week, including empty ones', () => {
    const records = [
      { day: '2026-11-16' },
      { day: '2026-11-17' },
      { day: '2026-11-17' },
      { day: '2026-11-21' },
      { day: '2026-11-30' },
    ]
    expect(huddlesPerWeek(records, '2026-11-16', '2026-12-06')).toEqual([
      { weekStart: '2026-11-16', huddles: 4, weekdaysHeld: 2, weekendDaysHeld: 1 },
      { weekStart: '2026-11-23', huddles: 0, weekdaysHeld: 0, weekendDaysHeld: 0 },
      { weekStart: '2026-11-30', huddles: 1, weekdaysHeld: 1, weekendDaysHeld: 0 },
    ])
  })

  it('starts from the Monday before `from` and ignores records outside the range', () => {
    const records = [{ day: '2026-11-18' }, { day: '2026-11-19' }, { day: '2026-11-26' }]
    expect(huddlesPerWeek(records, '2026-11-19', '2026-11-22')).toEqual([
      { weekStart: '2026-11-16', huddles: 1, weekdaysHeld: 1, weekendDaysHeld: 0 },
    ])
  })

  it('keeps London days across the end of BST on Sunday 25/10/2026', () => {
    const records = [
      at('2026-10-23T23:30:00Z'), // 00:30 BST on Saturday 24/10
      at('2026-10-24T23:30:00Z'), // 00:30 BST on Sunday 25/10: still week of 19/10
      at('2026-10-25T23:30:00Z'), // 23:30 GMT on Sunday 25/10: still week of 19/10
      at('2026-10-26T00:30:00Z'), // 00:30 GMT on Monday 26/10: the next week
      at('2026-10-19T07:00:00Z'), // 08:00 BST on Monday 19/10
    ]
    expect(records.map((r) => r.day)).toEqual(['2026-10-24', '2026-10-25', '2026-10-25', '2026-10-26', '2026-10-19'])
    expect(huddlesPerWeek(records, '2026-10-19', '2026-11-01')).toEqual([
      { weekStart: '2026-10-19', huddles: 4, weekdaysHeld: 1, weekendDaysHeld: 2 },
      { weekStart: '2026-10-26', huddles: 1, weekdaysHeld: 1, weekendDaysHeld: 0 },
    ])
  })

  it('summarises the current week for the start screen', () => {
    const records = [{ day: '2026-11-23' }, { day: '2026-11-24' }, { day: '2026-11-26' }, { day: '2026-11-20' }]
    expect(thisWeek(records, '2026-11-26')).toEqual({
      weekStart: '2026-11-23',
      huddles: 3,
      weekdaysHeld: 3,
      weekendDaysHeld: 0,
    })
  })

  it.each([
    [[], '0 of 5 weekdays'],
    [['2026-11-23', '2026-11-24', '2026-11-26'], '3 of 5 weekdays'],
    [['2026-11-23', '2026-11-28'], '1 of 5 weekdays and 1 weekend day'],
    [['2026-11-28', '2026-11-29', '2026-11-29'], '0 of 5 weekdays and 2 weekend days'],
  ])('counts weekend huddles too: %j is "%s"', (days, text) => {
    const week = thisWeek(
      days.map((day) => ({ day })),
      '2026-11-29',
    )
    expect(heldDaysText(week)).toBe(text)
  })
})

describe('agenda editor drafts', () => {
  const draft = () => draftFromAgenda(AGENDA, 15)

  it('turns the agenda into text fields and back again', () => {
    const d = draft()
    expect(d.items[0]).toEqual({ id: 'safety', title: 'Safety', kind: 'safety', minutes: '3', seconds: '0' })
    expect(validateAgendaDraft(d)).toEqual({ errors: {}, agenda: AGENDA, huddleMinutes: 15 })
    expect(draftTotalSeconds(d)).toBe(agendaSeconds(AGENDA))
  })

  it.each([
    ['a blank title', { title: '  ' }, 'title-measures', 'Enter a title for agenda item 2'],
    [
      'a long title',
      { title: 'x'.repeat(81) },
      'title-measures',
      "Agenda item 2's title must be 80 characters or fewer (it has 81)",
    ],
    [
      'letters for minutes',
      { minutes: 'two' },
      'time-measures',
      "Enter agenda item 2's time as whole minutes and seconds (0 to 59 seconds)",
    ],
    [
      '60 seconds',
      { seconds: '60' },
      'time-measures',
      "Enter agenda item 2's time as whole minutes and seconds (0 to 59 seconds)",
    ],
    [
      'under 15 seconds',
      { minutes: '0', seconds: '10' },
      'time-measures',
      "Agenda item 2's time must be between 15 seconds and 30 minutes",
    ],
    [
      'over 30 minutes',
      { minutes: '30', seconds: '1' },
      'time-measures',
      "Agenda item 2's time must be between 15 seconds and 30 minutes",
    ],
  ])('flags %s on the item itself', (_, change, field, message) => {
    const d = draft()
    d.items[1] = { ...d.items[1]!, ...change }
    const result = validateAgendaDraft(d)
    expect(result.errors).toEqual({ [field]: message })
    expect(result.agenda).toBeNull()
  })

  it.each([['4'], ['61'], ['15.5'], ['']])('rejects a huddle length of %j', (minutes) => {
    expect(validateAgendaDraft({ ...draft(), huddleMinutes: minutes }).errors).toEqual({
      huddleMinutes: 'Enter the huddle length as a whole number of minutes from 5 to 60',
    })
  })

  it('needs at least one item (the shared agenda rule)', () => {
    expect(validateAgendaDraft({ items: [], huddleMinutes: '15' }).errors).toEqual({
      agenda: 'The agenda needs at least one item',
    })
  })

  it('treats blank seconds as 0 and trims titles', () => {
    const result = validateAgendaDraft({
      items: [{ id: 'a', title: ' Safety ', kind: 'safety', minutes: '2', seconds: '' }],
      huddleMinutes: ' 10 ',
    })
    expect(result.agenda).toEqual([{ id: 'a', title: 'Safety', kind: 'safety', seconds: 120 }])
    expect(result.huddleMinutes).toBe(10)
  })
})
