// Prints how hard each built-in concept page is to read: Flesch–Kincaid grade and
// Flesch reading ease for the whole page, and the hardest section. Run:
//   node --import tsx scripts/readingAge.ts
// The aim is a reading age of about 11 (grade ≤ 6, or ease ≥ 70); pages or sections
// that miss it are marked. The formulas are in src/domain/conceptReadability.ts (why
// no package: see there).
import { CONCEPT_CATALOGUE } from '../src/domain/conceptCatalogue.ts'
import {
  conceptSections,
  readingFigures,
  readsAtAbout11,
  type ConceptSection,
} from '../src/domain/conceptReadability.ts'

const pad = (text: string, n: number) => text.padEnd(n)
const num = (n: number) => n.toFixed(1).padStart(5)

console.log(`${pad('concept', 26)} grade  ease  words  w/sent  longest  hardest section (grade)`)
let missed = 0
const grades: number[] = []
for (const concept of CONCEPT_CATALOGUE) {
  const sections = conceptSections(concept)
  const page = readingFigures(Object.values(sections).join(' '))
  const hardest = (Object.entries(sections) as [ConceptSection, string][])
    .map(([name, text]) => ({ name, figures: readingFigures(text) }))
    .sort((a, b) => b.figures.grade - a.figures.grade)[0]!
  const ok = readsAtAbout11(page)
  if (!ok) missed++
  grades.push(page.grade)
  console.log(
    `${pad(concept.id, 26)} ${num(page.grade)} ${num(page.ease)} ${String(page.words).padStart(6)} ${num(page.wordsPerSentence)}  ${String(page.longestSentence).padStart(7)}  ${hardest.name} (${hardest.figures.grade.toFixed(1)})${ok ? '' : '  <- above reading age 11'}`,
  )
}
const mean = grades.reduce((s, g) => s + g, 0) / grades.length
console.log(
  `\n${CONCEPT_CATALOGUE.length} concepts; mean grade ${mean.toFixed(1)} (reading age about ${(mean + 5).toFixed(0)}); highest ${Math.max(...grades).toFixed(1)}; ${missed} above reading age 11.`,
)
