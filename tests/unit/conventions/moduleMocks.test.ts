import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UNIT_FILES_WITH_MODULE_MOCKS } from '../../moduleMockFiles'

// The unit project's files share each worker's modules (isolate: false). A vi.mock there would replace a module
// for whichever files the worker loads next, or come too late for one already loaded: a unit file that mocks a
// module must be listed, so it runs with a module cache of its own (the unit-mocks project).
const ROOT = join(import.meta.dirname, '../../..')
const UNIT = join(ROOT, 'tests/unit')

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? testFiles(join(dir, entry.name))
      : entry.name.endsWith('.test.ts')
        ? [relative(ROOT, join(dir, entry.name))]
        : [],
  )
}

export function filesMockingModules(files: readonly { path: string; source: string }[]): string[] {
  return files.filter((file) => /\bvi\.(mock|doMock)\(/.test(file.source)).map((file) => file.path)
}

describe('module mocks in unit tests', () => {
  it('finds vi.mock and vi.doMock, and nothing else', () => {
    expect(
      filesMockingModules([
        { path: 'a', source: "vi.mock('@/sync/engine', () => ({}))" },
        { path: 'b', source: "vi.doMock('./x')" },
        { path: 'c', source: 'vi.fn(); vi.spyOn(x, "y"); // mocks a function, not a module' },
      ]),
    ).toEqual(['a', 'b'])
  })

  it('every unit file that mocks a module runs in the unit-mocks project, and every listed file still does', () => {
    // This file names the calls it looks for, so it is left out.
    const files = testFiles(UNIT)
      .filter((path) => !path.endsWith('conventions/moduleMocks.test.ts'))
      .map((path) => ({ path, source: readFileSync(join(ROOT, path), 'utf8') }))
    expect(filesMockingModules(files).sort()).toEqual([...UNIT_FILES_WITH_MODULE_MOCKS].sort())
  })
})
