import { describe, expect, it } from 'vitest'
import { CONCEPT_CATALOGUE } from '@/domain/conceptCatalogue'
import { conceptSections, readingFigures, readsAtAbout11, syllables } from '@/domain/conceptReadability'

describe('the reading-age figures (scripts/readingAge.ts)', () => {
  it.each([
    ['cat', 1],
    ['huddle', 2],
    ['improvement', 4],
    ['made', 1],
  ])('counts %s as %i syllables', (word, n) => {
    expect(syllables(word)).toBe(n)
  })

  it('scores plain words as easy and jargon as hard', () => {
    const plain = readingFigures('Look at the board. Ask what went wrong. Fix one thing.')
    const jargon = readingFigures(
      'Organisational transformation necessitates comprehensive multidisciplinary stakeholder engagement initiatives.',
    )
    expect(readsAtAbout11(plain)).toBe(true)
    expect(readsAtAbout11(jargon)).toBe(false)
    expect(plain.ease).toBeGreaterThan(jargon.ease)
  })

  it.each(CONCEPT_CATALOGUE.map((c) => [c.id, c] as const))('%s reads at about age 11', (_id, concept) => {
    const figures = readingFigures(Object.values(conceptSections(concept)).join(' '))
    expect(figures.grade).toBeLessThanOrEqual(6)
    expect(figures.ease).toBeGreaterThanOrEqual(70)
  })
})
