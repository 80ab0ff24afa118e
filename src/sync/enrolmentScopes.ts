// Which scopes an enrolment reads and writes: plain functions over the stored enrolment,
// apart from its validators (zod) so code on the start path can use them without loading those.
import type { Enrolment } from './enrolment'

type Scoped = Pick<Enrolment, 'units' | 'readable' | 'writable'>

/** Every sync scope this tablet pulls, in the server's order: its units, a CSU's or trust's own board, the trust library. */
export function readableScopeIds(enrolment: Scoped | undefined): Set<string> {
  return new Set(enrolment?.readable ?? enrolment?.units.map((unit) => unit.id) ?? [])
}

/** The scopes it may push to: the readable ones, less the library unless it is the improvement office's. */
export function writableScopeIds(enrolment: Scoped | undefined): Set<string> {
  return new Set(enrolment?.writable ?? enrolment?.units.map((unit) => unit.id) ?? [])
}
