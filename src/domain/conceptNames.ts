// The concept names every screen links items to, once the improvement office's edits
// are laid over the built-in index: edited names, trust-specific concepts, retired ones.
// Light on purpose (no page text), so chips and pickers on the board can use it; the
// full pages are merged in conceptLibrary.ts, which loads with the /concepts screens.
import { CONCEPT_GROUPS, CONCEPT_INDEX, type ConceptGroupId, type ConceptRef } from './concepts'
import type { ConceptEdit } from './types'

export interface LibraryRef extends ConceptRef {
  /** Hidden from pickers and the library list; items already linked keep a readable chip. */
  retired: boolean
  /** False for a concept the trust added itself. */
  builtIn: boolean
}

/** Who may change the library on this device: an unenrolled tablet keeps its own
 * library; an enrolled one only when enrolled for the trust's improvement office. */
export function canEditLibrary(enrolmentKind: string | undefined): boolean {
  return enrolmentKind === undefined || enrolmentKind === 'trust'
}

/** Shown instead of the edit buttons on every other device. */
export const LIBRARY_EDITOR_LINE =
  "The trust's improvement office looks after this library. Ask them if something here needs changing."

const filled = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim() !== ''

export function isGroupId(id: unknown): id is ConceptGroupId {
  return CONCEPT_GROUPS.some((g) => g.id === id)
}

/** Edits are synced records: read them defensively (an older or newer tablet may have
 * written fewer fields). A trust concept with no usable name is left out. */
export function libraryRefs(edits: readonly ConceptEdit[], index: readonly ConceptRef[] = CONCEPT_INDEX): LibraryRef[] {
  const byId = new Map(edits.map((e) => [e.id, e]))
  const builtInIds = new Set(index.map((c) => c.id))
  const builtIn = index.map((ref): LibraryRef => {
    const edit = byId.get(ref.id)
    return {
      ...ref,
      name: filled(edit?.name) ? edit.name.trim() : ref.name,
      summary: filled(edit?.summary) ? edit.summary.trim() : ref.summary,
      retired: edit?.retired === true,
      builtIn: true,
    }
  })
  const trust = edits
    .filter((e) => !builtInIds.has(e.id) && e.builtIn !== true && filled(e.name))
    .map((e): LibraryRef => ({
      id: e.id,
      name: e.name!.trim(),
      group: isGroupId(e.group) ? e.group : 'improving',
      summary: filled(e.summary) ? e.summary.trim() : '',
      retired: e.retired === true,
      builtIn: false,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  return [...builtIn, ...trust]
}

/** The picker's search: names and summaries, case-insensitive; retired concepts left out
 * unless already chosen (so unticking one stays possible). */
export function searchRefs(query: string, refs: readonly LibraryRef[], chosen: readonly string[] = []): LibraryRef[] {
  const q = query.trim().toLowerCase()
  return refs.filter(
    (c) =>
      (!c.retired || chosen.includes(c.id)) &&
      (!q || c.name.toLowerCase().includes(q) || c.summary.toLowerCase().includes(q)),
  )
}
