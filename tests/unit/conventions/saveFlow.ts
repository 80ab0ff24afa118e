// Finds a save flow written by hand in a screen instead of through useGuardedSave: catching
// InputError to show its message (the guard words every failure, and logs the faults) or
// asking "Who is doing this?" itself (the guard asks, and refuses a second tap meanwhile).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const HAND_ROLLED = [/\bInputError\b/g, /\bwhoIsDoingThis\s*\(/g]

export function handRolledSavesIn(source: string): string[] {
  const found: string[] = []
  for (const pattern of HAND_ROLLED) for (const match of source.matchAll(pattern)) found.push(match[0])
  return found
}

/** The .vue and .ts files under `dir`, relative to it. */
export function screenFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return screenFiles(path, root)
    return /\.(vue|ts)$/.test(entry.name) ? [relative(root, path)] : []
  })
}

export function sourceOf(path: string): string {
  return readFileSync(path, 'utf8')
}
