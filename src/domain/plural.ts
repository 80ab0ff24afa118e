// One way to put a count with its noun, so no screen says "1 measures" or "1 hours".

/** "1 measure", "2 measures", "1,200 measures"; irregular plurals passed in ("people"). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : plural}`
}
