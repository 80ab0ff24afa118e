import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KEPT_NHS_CLASS_PREFIXES } from '@/styles/keptNhsClasses'

// The build drops NHS.UK rules whose nhsuk- class no source file spells out (vite.config.ts).
// A class put together at run time, `nhsuk-tag--${colour}`, is never spelt out: its prefix
// must be kept, or the class would silently lose its styling in the built app.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(vue|ts)$/.test(entry.name) ? [path] : []
  })
}

/** The `nhsuk-…` beginnings of class names joined to a value at run time (`nhsuk-tag--${x}`, 'nhsuk-tag--' + x). */
function builtNhsClassPrefixes(source: string): string[] {
  return [...source.matchAll(/(nhsuk-[a-z0-9_-]*)(?:\$\{|['"`]\s*\+)/g)].map((match) => match[1]!)
}

const kept = (prefix: string) => KEPT_NHS_CLASS_PREFIXES.some((keptPrefix) => prefix.startsWith(keptPrefix))

describe('NHS.UK classes built at run time keep their styles', () => {
  it('finds a class joined to a value, in a template string or with +', () => {
    expect(builtNhsClassPrefixes(':class="`nhsuk-tag--${look.colour}`"')).toEqual(['nhsuk-tag--'])
    expect(builtNhsClassPrefixes("const c = 'nhsuk-button--' + kind")).toEqual(['nhsuk-button--'])
    expect(builtNhsClassPrefixes('class="nhsuk-tag nhsuk-tag--red"')).toEqual([])
    expect(kept('nhsuk-tag--')).toBe(true)
    expect(kept('nhsuk-button--')).toBe(false)
  })

  it.each(sourceFiles('src').map((file) => [file]))('%s', (file) => {
    const unkept = builtNhsClassPrefixes(readFileSync(file, 'utf8')).filter((prefix) => !kept(prefix))
    expect(unkept, `${file}: add these to KEPT_NHS_CLASS_PREFIXES (src/styles/keptNhsClasses.ts)`).toEqual([])
  })
})
