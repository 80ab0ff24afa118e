// What the reliability suite measured, printed as one table at the end. Every figure has
// the value it must have (or a check), so the run fails on a bad one.

export interface Figure {
  part: string
  name: string
  value: number | string
  /** Whether the value is acceptable; undefined for figures that are only reported. */
  ok?: boolean
}

export class Figures {
  readonly all: Figure[] = []

  report(part: string, name: string, value: number | string, ok?: boolean): void {
    this.all.push(ok === undefined ? { part, name, value } : { part, name, value, ok })
  }

  /** A count that must be zero. */
  zero(part: string, name: string, value: number): void {
    this.report(part, name, value, value === 0)
  }

  failed(): Figure[] {
    return this.all.filter((figure) => figure.ok === false)
  }

  print(write: (line: string) => void = console.log): void {
    const width = Math.max(...this.all.map((figure) => `${figure.part}: ${figure.name}`.length))
    for (const figure of this.all) {
      const label = `${figure.part}: ${figure.name}`.padEnd(width)
      const mark = figure.ok === undefined ? ' ' : figure.ok ? '✓' : '✗'
      const value = typeof figure.value === 'number' ? figure.value.toLocaleString('en-GB') : figure.value
      write(`${mark} ${label}  ${value}`)
    }
  }
}
