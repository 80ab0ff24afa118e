// How hard the library's words are to read: Flesch–Kincaid grade and Flesch reading
// ease, from a syllable heuristic. Reading age is about grade + 5, so grade 6 or
// below (or ease 70 or above) is a reading age of about 11. Hand-written on purpose:
// the formulas are two lines, the npm packages for them are English-only heuristics
// too, and a package would add a dependency for a check that runs outside the app.
import type { Concept } from './conceptCatalogue'

export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (!w) return 0
  if (w.length <= 3) return 1
  // A silent final e (or -es, -ed) adds no syllable; vowel groups make one each.
  w = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '')
  return Math.max(1, w.match(/[aeiouy]{1,2}/g)?.length ?? 1)
}

const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?]["\u201d]?)\s+/).filter((s) => /\w/.test(s))
const wordsOf = (text: string) => text.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w))

export interface ReadingFigures {
  words: number
  sentences: number
  wordsPerSentence: number
  syllablesPerWord: number
  /** Flesch–Kincaid grade: US school year; reading age ≈ grade + 5. */
  grade: number
  /** Flesch reading ease: 0–100, higher is easier; 70+ is easy for an 11-year-old. */
  ease: number
  longestSentence: number
}

export function readingFigures(text: string): ReadingFigures {
  const words = wordsOf(text)
  const sentences = sentencesOf(text)
  const syllableCount = words.reduce((sum, w) => sum + syllables(w), 0)
  const wps = words.length / Math.max(1, sentences.length)
  const spw = syllableCount / Math.max(1, words.length)
  return {
    words: words.length,
    sentences: sentences.length,
    wordsPerSentence: wps,
    syllablesPerWord: spw,
    grade: 0.39 * wps + 11.8 * spw - 15.59,
    ease: 206.835 - 1.015 * wps - 84.6 * spw,
    longestSentence: Math.max(0, ...sentences.map((s) => wordsOf(s).length)),
  }
}

/** Reading age about 11: grade 6 or below, or reading ease 70 or above. */
export const readsAtAbout11 = (f: Pick<ReadingFigures, 'grade' | 'ease'>) => f.grade <= 6 || f.ease >= 70

export type ConceptSection = 'summary' | 'whatItIs' | 'whyOnAWard' | 'tryThisWeek' | 'pitfalls'

/** The words of a concept page, by section, as one reads them. */
export function conceptSections(concept: Pick<Concept, ConceptSection>): Record<ConceptSection, string> {
  return {
    summary: concept.summary,
    whatItIs: concept.whatItIs,
    whyOnAWard: concept.whyOnAWard,
    tryThisWeek: concept.tryThisWeek,
    pitfalls: concept.pitfalls.join(' '),
  }
}
