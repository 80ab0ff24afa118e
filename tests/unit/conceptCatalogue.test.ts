import { describe, expect, it } from 'vitest'
import {
  assembleCatalogue,
  CONCEPT_CATALOGUE,
  CONCEPT_PAGES,
  CONCEPT_TEXT_FIELDS,
  catalogueConcept,
  groupConcepts,
  relatedConcepts,
  searchCatalogue,
} from '@/domain/conceptCatalogue'
import { CONCEPT_GROUPS, CONCEPT_INDEX, conceptById, searchConcepts } from '@/domain/concepts'
import { fleschKincaidGrade, longestSentence, sentencesOf, syllables } from './readability'

// The 17 ids measures, actions, history and the demo stored before the library
// existed. They must keep opening a page, with the same name, for ever.
const STARTER_IDS: [string, string][] = [
  ['daily-management', 'Daily management'],
  ['tiered-huddles', 'Tiered huddles and escalation'],
  ['visual-management', 'Visual management'],
  ['sqdcp-measures', 'Safety, quality, people, flow and cost measures'],
  ['safety-cross', 'Safety cross'],
  ['standard-work', 'Standard work'],
  ['leader-standard-work', 'Leader standard work'],
  ['gemba', 'Gemba / leader rounding'],
  ['eight-wastes', 'The 8 wastes'],
  ['five-s', '5S'],
  ['everyday-ideas', 'Everyday improvement ideas'],
  ['pdsa', 'PDSA'],
  ['root-cause', 'Root cause / 5 whys'],
  ['stop-the-line', 'Stop the line'],
  ['flow', 'Flow'],
  ['variation-spc', 'Variation and SPC'],
  ['respect-for-people', 'Respect for people'],
]

// What the issue asks the library to cover, beyond the starter list.
const ALSO_REQUIRED = [
  'kamishibai',
  'a3-thinking',
  'mistake-proofing',
  'rpiw',
  'value-stream-mapping',
  'pull',
  'takt-time',
  'strategy-deployment',
  'tri-team-leadership',
]

/** American spellings a writer might slip into (colour, centre, organise, behaviour...). */
const US_SPELLING =
  /\b(?:colors?|colored|centers?|organiz\w*|prioritiz\w*|standardiz\w*|analyz\w*|behaviors?|favorite|labeled|labeling)\b/i

const pageText = (c: (typeof CONCEPT_CATALOGUE)[number]) =>
  [c.summary, c.whatItIs, c.whyOnAWard, c.tryThisWeek, ...c.pitfalls].join(' ')

describe('the concept catalogue', () => {
  it('has about 25 concepts, every name with its page and every page with its name', () => {
    expect(CONCEPT_CATALOGUE.length).toBeGreaterThanOrEqual(24)
    expect(CONCEPT_CATALOGUE.map((c) => c.id)).toEqual(CONCEPT_INDEX.map((c) => c.id))
    expect(CONCEPT_PAGES.map((p) => p.id).sort()).toEqual(CONCEPT_INDEX.map((c) => c.id).sort())
  })

  it('uses each id once, in the index and in the pages', () => {
    expect(new Set(CONCEPT_INDEX.map((c) => c.id)).size).toBe(CONCEPT_INDEX.length)
    expect(new Set(CONCEPT_PAGES.map((p) => p.id)).size).toBe(CONCEPT_PAGES.length)
    expect(new Set(CONCEPT_INDEX.map((c) => c.name.toLowerCase())).size).toBe(CONCEPT_INDEX.length)
  })

  it.each(STARTER_IDS)('keeps the starter concept %s as "%s"', (id, name) => {
    expect(catalogueConcept(id)?.name).toBe(name)
    expect(conceptById(id)?.name).toBe(name)
  })

  it.each(ALSO_REQUIRED)('covers %s', (id) => {
    expect(catalogueConcept(id)).toBeDefined()
  })

  describe.each(CONCEPT_CATALOGUE.map((c) => [c.id, c] as const))('%s', (_id, concept) => {
    it('has every text field filled in', () => {
      for (const field of CONCEPT_TEXT_FIELDS) {
        const value = concept[field]
        const texts = Array.isArray(value) ? value : [value]
        expect(texts.length, field).toBeGreaterThan(0)
        for (const text of texts) expect(text.trim(), field).not.toBe('')
      }
      expect(concept.pitfalls.length).toBeGreaterThanOrEqual(2)
      expect(concept.pitfalls.length).toBeLessThanOrEqual(4)
    })

    it('has a one-sentence summary and a whole-number version', () => {
      expect(sentencesOf(concept.summary)).toHaveLength(1)
      expect(concept.summary).toMatch(/\.$/)
      expect(Number.isInteger(concept.version) && concept.version >= 1).toBe(true)
    })

    it('links only to other concepts that exist, each once', () => {
      expect(concept.related.length).toBeGreaterThan(0)
      expect(new Set(concept.related).size).toBe(concept.related.length)
      expect(concept.related).not.toContain(concept.id)
      for (const id of concept.related) expect(catalogueConcept(id), id).toBeDefined()
      expect(relatedConcepts(concept).map((c) => c.id)).toEqual(concept.related)
    })

    it('belongs to a known group', () => {
      expect(CONCEPT_GROUPS.map((g) => g.id)).toContain(concept.group)
    })

    it('reads at about age 11, in short sentences', () => {
      expect(fleschKincaidGrade(pageText(concept))).toBeLessThanOrEqual(6)
      expect(longestSentence(pageText(concept))).toBeLessThanOrEqual(30)
    })

    it('uses UK spelling', () => {
      expect(`${concept.name} ${pageText(concept)}`).not.toMatch(US_SPELLING)
    })
  })

  it.each(CONCEPT_GROUPS.map((g) => [g.name, g.id] as const))('has concepts in the %s group', (_name, id) => {
    expect(CONCEPT_CATALOGUE.filter((c) => c.group === id).length).toBeGreaterThan(0)
  })

  it('leaves out a name that has no page', () => {
    const [first, second] = CONCEPT_INDEX
    const built = assembleCatalogue(
      [first!, second!],
      CONCEPT_PAGES.filter((p) => p.id === first!.id),
    )
    expect(built.map((c) => c.id)).toEqual([first!.id])
  })
})

describe('searchCatalogue', () => {
  it.each([
    ['flow', 'flow', 'a name match comes first'],
    ['FLOW', 'flow', 'case does not matter'],
    ['gloves', 'pull', 'words in the page text count'],
    ['sharps bin', 'kamishibai', 'every word must be found'],
    ['  5s ', 'five-s', 'spaces around the query are ignored'],
  ])('"%s" finds %s first (%s)', (query, first) => {
    expect(searchCatalogue(query)[0]?.id).toBe(first)
  })

  it('finds nothing for a word no page uses, and everything for an empty query', () => {
    expect(searchCatalogue('zebra crossing')).toEqual([])
    expect(searchCatalogue('   ')).toHaveLength(CONCEPT_CATALOGUE.length)
  })

  it('searches only the concepts it is given', () => {
    const flowGroup = CONCEPT_CATALOGUE.filter((c) => c.group === 'flow')
    expect(searchCatalogue('huddle', flowGroup).every((c) => c.group === 'flow')).toBe(true)
  })
})

describe('groupConcepts', () => {
  it('puts concepts under their groups in group order, leaving out empty groups', () => {
    const picked = [catalogueConcept('respect-for-people')!, catalogueConcept('pdsa')!, catalogueConcept('gemba')!]
    expect(groupConcepts(picked).map((s) => [s.group.id, s.concepts.map((c) => c.id)])).toEqual([
      ['improving', ['pdsa']],
      ['leading', ['respect-for-people', 'gemba']],
    ])
  })
})

describe('the picker index', () => {
  it('searches every catalogue concept by name and summary', () => {
    expect(searchConcepts('').map((c) => c.id)).toEqual(CONCEPT_CATALOGUE.map((c) => c.id))
    expect(searchConcepts('takt').map((c) => c.id)).toEqual(['takt-time'])
  })
})

describe('the readability check itself', () => {
  it.each([
    ['cat', 1],
    ['huddle', 2],
    ['standard', 2],
    ['improvement', 4],
    ['made', 1],
  ])('counts %s as %i syllables', (word, n) => {
    expect(syllables(word)).toBe(n)
  })

  it('spots American spelling', () => {
    expect('Label each shelf and standardize the color.').toMatch(US_SPELLING)
    expect('Label each shelf and standardise the colour.').not.toMatch(US_SPELLING)
  })

  it('scores hard text above grade 6 and simple text below', () => {
    expect(
      fleschKincaidGrade(
        'Organisational transformation necessitates comprehensive multidisciplinary stakeholder engagement initiatives.',
      ),
    ).toBeGreaterThan(6)
    expect(fleschKincaidGrade('Look at the board. Ask what went wrong. Fix one thing.')).toBeLessThan(6)
  })
})
