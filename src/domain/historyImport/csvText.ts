// Reading CSV text into rows (RFC 4180: quoted cells may hold commas, doubled quotes and
// line breaks). Spreadsheets saved in other locales use semicolons or tabs, so the
// delimiter is the one that splits the first line most; a byte-order mark is dropped.
import type { ImportGrid } from './cells'

const DELIMITERS = [',', ';', '\t'] as const

function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  let best: string = ','
  let bestCount = 0
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1
    if (count > bestCount) {
      best = delimiter
      bestCount = count
    }
  }
  return best
}

export function parseCsvText(input: string): ImportGrid {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input
  const delimiter = delimiterOf(text)
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else cell += char
    } else if (char === '"' && cell === '') quoted = true
    else if (char === delimiter) {
      row.push(cell)
      cell = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += char
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}
