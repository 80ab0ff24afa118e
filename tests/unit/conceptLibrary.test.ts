import { describe, expect, it } from 'vitest'
import { CONCEPT_CATALOGUE, catalogueConcept } from '@/domain/conceptCatalogue'
import {
  CONCEPT_LIMITS,
  draftOf,
  editFields,
  emptyDraft,
  validateConceptDraft,
  validateResourceUrl,
  type ConceptDraft,
} from '@/domain/conceptEditing'
import { mergeLibrary } from '@/domain/conceptLibrary'
import { canEditLibrary, libraryRefs, searchRefs } from '@/domain/conceptNames'
import type { ConceptEdit } from '@/domain/types'

const AT = '2026-11-20T10:00:00.000Z'
function edit(fields: Partial<ConceptEdit> & { id: string }): ConceptEdit {
  return {
    unitId: 'library-t1',
    createdAt: AT,
    updatedAt: AT,
    updatedBy: 'Kim (KPO)',
    builtIn: true,
    name: null,
    summary: null,
    sections: {},
    group: null,
    relatedIds: null,
    resources: [],
    retired: false,
    baseVersion: 1,
    ...fields,
  }
}
const fiveS = catalogueConcept('five-s')!

describe('mergeLibrary', () => {
  it('shows the built-in catalogue unchanged when there are no edits', () => {
    const merged = mergeLibrary([])
    expect(merged.map((c) => c.id)).toEqual(CONCEPT_CATALOGUE.map((c) => c.id))
    expect(merged.every((c) => !c.edited && !c.retired && c.builtIn)).toBe(true)
  })

  it.each([
    ['name', { name: 'Five S' }, (c: ReturnType<typeof mergeLibrary>[number]) => c.name, 'Five S'],
    [
      'summary',
      { summary: 'Tidy once, keep it tidy.' },
      (c: ReturnType<typeof mergeLibrary>[number]) => c.summary,
      'Tidy once, keep it tidy.',
    ],
    [
      'a section',
      { sections: { whatItIs: 'Our words.' } },
      (c: ReturnType<typeof mergeLibrary>[number]) => c.whatItIs,
      'Our words.',
    ],
    [
      'pitfalls, one per line',
      { sections: { pitfalls: 'One\n\n Two ' } },
      (c: ReturnType<typeof mergeLibrary>[number]) => c.pitfalls,
      ['One', 'Two'],
    ],
  ])('lays an edited %s over the built-in text', (_what, fields, read, expected) => {
    const merged = mergeLibrary([edit({ id: 'five-s', ...fields })]).find((c) => c.id === 'five-s')!
    expect(read(merged)).toEqual(expected)
    expect(merged.edited).toBe(true)
  })

  it('falls back to the built-in text for every field left null, empty or missing', () => {
    const partial = edit({ id: 'five-s', name: null, summary: '  ', sections: { whatItIs: 'Ours.' } })
    const merged = mergeLibrary([partial]).find((c) => c.id === 'five-s')!
    expect(merged.name).toBe(fiveS.name)
    expect(merged.summary).toBe(fiveS.summary)
    expect(merged.whyOnAWard).toBe(fiveS.whyOnAWard)
    expect(merged.pitfalls).toEqual(fiveS.pitfalls)
    expect(merged.whatItIs).toBe('Ours.')
  })

  it.each([
    [0, true, 'made against an older built-in version'],
    [fiveS.version, false, 'made against the current version'],
  ])('edit with base version %i: built-in changed is %s (%s)', (baseVersion, changed) => {
    const merged = mergeLibrary([edit({ id: 'five-s', name: 'Five S', baseVersion })]).find((c) => c.id === 'five-s')!
    expect(merged.builtInChanged).toBe(changed)
  })

  it('does not flag a changed built-in text when the office only retired the concept', () => {
    const merged = mergeLibrary([edit({ id: 'five-s', retired: true, baseVersion: 0 })]).find((c) => c.id === 'five-s')!
    expect(merged.builtInChanged).toBe(false)
    expect(merged.retired).toBe(true)
    expect(merged.retiredAt).toBe(AT)
  })

  it("adds the trust's own concepts after the built-in ones, by name, and skips one with no name", () => {
    const merged = mergeLibrary([
      edit({
        id: 'z1',
        builtIn: false,
        name: 'Zero harm walk',
        group: 'leading',
        summary: 'S.',
        sections: { whatItIs: 'W.' },
      }),
      edit({ id: 'a1', builtIn: false, name: 'Arrival huddle', group: 'not-a-group' }),
      edit({ id: 'x1', builtIn: false, name: '  ' }),
    ])
    expect(merged.slice(-2).map((c) => [c.id, c.group, c.builtIn])).toEqual([
      ['a1', 'improving', false],
      ['z1', 'leading', false],
    ])
    expect(merged).toHaveLength(CONCEPT_CATALOGUE.length + 2)
  })

  it('reads a synced edit defensively (missing sections and resources, bad resources)', () => {
    const odd = {
      ...edit({ id: 'pdsa' }),
      sections: undefined,
      resources: [{ title: 'x' }, null],
    } as unknown as ConceptEdit
    const merged = mergeLibrary([odd]).find((c) => c.id === 'pdsa')!
    expect(merged.resources).toEqual([])
    expect(merged.whatItIs).toBe(catalogueConcept('pdsa')!.whatItIs)
  })
})

describe('libraryRefs (names for chips and pickers)', () => {
  const refs = libraryRefs([
    edit({ id: 'five-s', name: 'Five S', retired: true }),
    edit({ id: 't1', builtIn: false, name: 'Board walk', summary: 'Walk the boards.', group: 'daily' }),
  ])

  it('uses edited names, keeps retired concepts readable and adds trust concepts', () => {
    expect(refs.find((r) => r.id === 'five-s')).toMatchObject({ name: 'Five S', retired: true })
    expect(refs.find((r) => r.id === 't1')).toMatchObject({ name: 'Board walk', builtIn: false, group: 'daily' })
  })

  it('leaves retired concepts out of the picker unless already chosen', () => {
    expect(searchRefs('five', refs).map((r) => r.id)).toEqual([])
    expect(searchRefs('five', refs, ['five-s']).map((r) => r.id)).toEqual(['five-s'])
    expect(searchRefs('walk', refs).map((r) => r.id)).toEqual(['t1'])
  })
})

describe('canEditLibrary', () => {
  it.each([
    [undefined, true],
    ['trust', true],
    ['unit', false],
    ['csu', false],
  ])('enrolment kind %s may edit: %s', (kind, may) => {
    expect(canEditLibrary(kind)).toBe(may)
  })
})

describe('validateResourceUrl', () => {
  it.each([
    ['https://intranet.example.nhs.uk/lim/5s', undefined],
    ['http://intranet/lim', undefined],
    ['  https://example.org/a?b=c  ', undefined],
    ['javascript:alert(1)', /starts with javascript:/],
    ['JavaScript:alert(1)', /starts with javascript:/],
    ['data:text/html,<b>x</b>', /starts with data:/],
    ['/lim/5s', /full web address/],
    ['intranet.example.nhs.uk/5s', /full web address/],
    ['https://', /not complete/],
    ['https://exa mple.org', /not complete/],
    ['', /Enter the web address/],
    [`https://example.org/${'a'.repeat(CONCEPT_LIMITS.url)}`, /500 characters or fewer/],
  ])('%s → %s', (url, expected) => {
    const problem = validateResourceUrl(url)
    if (expected === undefined) expect(problem).toBeUndefined()
    else expect(problem).toMatch(expected)
  })
})

describe('validateConceptDraft', () => {
  const good = (): ConceptDraft => ({
    ...emptyDraft('flow'),
    name: 'Bed board',
    summary: 'One board for every bed.',
    whatItIs: 'A board.',
  })
  const others = CONCEPT_CATALOGUE.map((c) => c.name)

  it('accepts a complete trust concept', () => {
    expect(validateConceptDraft(good(), { builtIn: false, otherNames: others })).toEqual({})
  })

  it.each([
    ['an empty name', { name: '   ' }, 'name', 'Enter a name for the concept'],
    [
      'a built-in name in other case',
      { name: ' pdsa ' },
      'name',
      'There is already a concept called "pdsa". Choose a different name',
    ],
    ['a name with extra spaces', { name: 'The  8   wastes' }, 'name', /already a concept/],
    ['a very long name', { name: 'x'.repeat(81) }, 'name', 'The name must be 80 characters or fewer (it has 81)'],
    ['no summary', { summary: '' }, 'summary', 'Enter a one-line summary'],
    ['a very long section', { whyOnAWard: 'y'.repeat(1501) }, 'whyOnAWard', /1500 characters or fewer/],
    ['too many pitfalls', { pitfalls: 'a\nb\nc\nd\ne\nf\ng' }, 'pitfalls', /at most 6 pitfalls/],
    [
      'a resource with no title',
      { resources: [{ title: ' ', url: 'https://a.org' }] },
      'resource-title-0',
      'Enter a title for resource 1',
    ],
    [
      'a javascript: resource',
      { resources: [{ title: 'Video', url: 'javascript:alert(1)' }] },
      'resource-url-0',
      /^Resource 1: Only web links/,
    ],
  ])('refuses %s', (_what, change, field, message) => {
    const errors = validateConceptDraft(
      { ...good(), ...change },
      { builtIn: false, otherNames: [...others, 'Arrival huddle'] },
    )
    if (typeof message === 'string') expect(errors[field]).toBe(message)
    else expect(errors[field]).toMatch(message)
  })

  it("finds a duplicate of the trust's own concepts too, and lets a concept keep its own name", () => {
    expect(
      validateConceptDraft({ ...good(), name: 'ARRIVAL HUDDLE' }, { builtIn: false, otherNames: ['Arrival huddle'] })
        .name,
    ).toMatch(/already/)
    expect(
      validateConceptDraft(draftOf(mergeLibrary([]).find((c) => c.id === 'pdsa')!), {
        builtIn: true,
        otherNames: others.filter((n) => n !== 'PDSA'),
      }),
    ).toEqual({})
  })

  it('lets a built-in concept leave sections empty (they fall back)', () => {
    const draft = { ...draftOf(mergeLibrary([]).find((c) => c.id === 'pdsa')!), summary: '', whatItIs: '' }
    expect(validateConceptDraft(draft, { builtIn: true, otherNames: [] })).toEqual({})
  })
})

describe('editFields', () => {
  const merged = mergeLibrary([]).find((c) => c.id === 'five-s')!

  it('stores only what differs from the built-in text, against its version', () => {
    const fields = editFields({ ...draftOf(merged), whatItIs: 'Our own words.', summary: '' }, fiveS, undefined)
    expect(fields).toMatchObject({
      builtIn: true,
      name: null,
      summary: null,
      sections: { whatItIs: 'Our own words.' },
      baseVersion: fiveS.version,
    })
    expect(mergeLibrary([edit({ id: 'five-s', ...fields })]).find((c) => c.id === 'five-s')!.summary).toBe(
      fiveS.summary,
    )
  })

  it('keeps a retirement and the related ids when the text is saved again', () => {
    const existing = edit({ id: 'five-s', retired: true, retiredAt: AT, relatedIds: ['pdsa'] })
    expect(editFields(draftOf(merged), fiveS, existing)).toMatchObject({
      retired: true,
      retiredAt: AT,
      relatedIds: ['pdsa'],
    })
  })

  it("stores all of a trust concept's words and its group", () => {
    const draft = {
      ...emptyDraft('daily'),
      name: ' Board  walk ',
      summary: 'S.',
      whatItIs: 'W.',
      pitfalls: 'a\n\nb',
      resources: [{ title: ' T ', url: ' https://a.org ' }],
    }
    expect(editFields(draft, undefined, undefined)).toMatchObject({
      builtIn: false,
      name: 'Board walk',
      group: 'daily',
      sections: { whatItIs: 'W.', pitfalls: 'a\nb' },
      resources: [{ title: 'T', url: 'https://a.org' }],
      baseVersion: 0,
    })
  })
})
