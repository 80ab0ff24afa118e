import { describe, expect, it } from 'vitest'
import { csvBlob, toCsv } from '@/domain/csv'
import { newIdeaFields } from '@/domain/ideas'
import { IDEA_CSV_HEADER, ideaCsvFileName, ideaCsvRows, ideaPeople, implementedBetween } from '@/domain/ideasExport'
import type { Idea } from '@/domain/types'

function idea(id: string, fields: Partial<Idea> = {}): Idea {
  const at = fields.createdAt ?? '2026-11-01T10:00:00.000Z'
  return {
    id,
    unitId: 'u1',
    boardId: 'b1',
    createdAt: at,
    updatedAt: at,
    updatedBy: 'Seed',
    ...newIdeaFields({ problem: `P ${id}`, idea: `I ${id}` }, new Date(at)),
    ...fields,
  }
}

describe('ideaCsvRows', () => {
  const tricky = idea('x', {
    problem: 'Bay 3, bed 2: "urgent" checks',
    idea: 'Line one\nLine two',
    benefit: '=HYPERLINK("http://evil.example","click")',
    raisedBy: '+Sam',
    owner: '@owner',
    sponsor: '-1',
    wastes: ['motion', 'waiting'],
    conceptIds: ['pdsa', 'unknown-id'],
    status: 'implemented',
    implementedAt: '2026-11-05T09:00:00.000Z',
    effort: 'low',
    impact: 'high',
    measureId: 'm1',
    createdAt: '2026-10-31T23:30:00.000Z',
  })

  it('has a header and one row per idea, oldest first, with every column filled as shown on screen', () => {
    const rows = ideaCsvRows(
      [idea('later', { createdAt: '2026-11-02T00:00:00.000Z', raisedBy: null }), tricky],
      () => 2,
      (id) => (id === 'm1' ? 'Falls' : undefined),
    )
    expect(rows[0]).toEqual([...IDEA_CSV_HEADER])
    expect(rows[1]).toEqual([
      '31/10/2026',
      'Implemented',
      tricky.problem,
      tricky.idea,
      tricky.benefit,
      'Motion; Waiting',
      '+Sam',
      '@owner',
      '-1',
      'Low',
      'High',
      '31/10/2026',
      '05/11/2026',
      '',
      'PDSA; unknown-id',
      2,
      'Falls',
    ])
    expect(rows[2]![6]).toBe('Anonymous')
  })

  it('escapes commas, quotes, line breaks and formula characters end to end', async () => {
    const text = toCsv(ideaCsvRows([tricky]))
    const line = text.split('\r\n')[1]!
    expect(line).toContain('"Bay 3, bed 2: ""urgent"" checks"')
    expect(text).toContain('"Line one\nLine two"')
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    expect(line).toContain(",'+Sam,'@owner,'-1,")
    // Numbers stay numbers: the cycle count is not defused.
    expect(line).toContain(',0,')
    const blob = csvBlob(ideaCsvRows([tricky]))
    const bytes = new Uint8Array(await blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(text)
  })

  it('keeps emoji and right-to-left text as typed', () => {
    const text = toCsv(ideaCsvRows([idea('e', { problem: 'Tea 🍵 for nights', idea: 'مشكلة' })]))
    expect(text).toContain('Tea 🍵 for nights,مشكلة,')
  })

  it('names the file after the unit and day', () => {
    expect(ideaCsvFileName('Ward 7A (Cardiology) – Zoë', '2026-11-26')).toBe(
      'ideas-ward-7a-cardiology-zoe-2026-11-26.csv',
    )
    expect(ideaCsvFileName('🙂', '2026-11-26')).toBe('ideas-unit-2026-11-26.csv')
  })
})

describe('implementedBetween', () => {
  it('lists ideas implemented in the period (London days), newest first, sustained included', () => {
    const list = implementedBetween(
      [
        idea('in', { status: 'implemented', implementedAt: '2026-11-03T10:00:00.000Z' }),
        idea('sustained', { status: 'sustained', implementedAt: '2026-11-10T10:00:00.000Z' }),
        idea('edge', { status: 'implemented', implementedAt: '2026-10-31T23:30:00.000Z' }),
        idea('early', { status: 'implemented', implementedAt: '2026-10-30T10:00:00.000Z' }),
        idea('testing', { status: 'testing', implementedAt: null }),
      ],
      '2026-10-31',
      '2026-11-30',
    )
    expect(list.map((i) => i.id)).toEqual(['sustained', 'in', 'edge'])
  })
})

describe('ideaPeople', () => {
  it('names who raised it, owner, sponsor and everyone else in history once, never guessing an anonymous name', () => {
    expect(
      ideaPeople({ raisedBy: null, owner: 'Sam Okafor', sponsor: 'Priya Shah' }, [
        'Anonymous',
        'Sam Okafor',
        'Jo Bloggs',
        'jo bloggs',
        'Ann Lee',
        'Priya Shah',
      ]),
    ).toEqual({
      raisedBy: 'Anonymous',
      owner: 'Sam Okafor',
      sponsor: 'Priya Shah',
      others: ['Jo Bloggs', 'Ann Lee'],
    })
  })
})
