// Finds form-field markup written by hand in a component instead of through FormField:
// a field label (`<label class="nhsuk-label">`, not a radio's or checkbox's own label) or a
// text control whose aria-describedby is wired to a hint or error by hand.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const FIELD_LABEL = /<label\b[^>]*\bclass="(?![^"]*__label)[^"]*\bnhsuk-label\b[^"]*"/g
const TEXT_CONTROL = /<(input|select|textarea)\b[^>]*>/g
const HAND_WIRED = /aria-describedby="[^"]*(hint|error)[^"]*"/

export function handRolledFieldsIn(template: string): string[] {
  const found: string[] = []
  for (const match of template.matchAll(FIELD_LABEL)) found.push(match[0])
  for (const match of template.matchAll(TEXT_CONTROL)) {
    const tag = match[0]
    // A radio's or checkbox's hint belongs to its own item, which FormField does not build.
    if (/type="(radio|checkbox)"/.test(tag)) continue
    if (HAND_WIRED.test(tag)) found.push(tag)
  }
  return found
}

export function vueFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return vueFiles(path, root)
    return entry.name.endsWith('.vue') ? [relative(root, path)] : []
  })
}

export function templateOf(path: string): string {
  const text = readFileSync(path, 'utf8')
  const start = text.indexOf('<template>')
  return start < 0 ? '' : text.slice(start)
}
