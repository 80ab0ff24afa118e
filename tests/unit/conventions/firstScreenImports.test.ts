// What the board's first screen loads before its values show is what a cold start pays for. Code that only a
// save, a setup or a later screen needs is loaded with it (a dynamic import), and one static import in the
// wrong place brings it back into the shell (or the board's goals tile) without any test noticing: these follow
// the static imports from the shell's entry and the goals tile and check that such code stays out.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const SRC = join(ROOT, 'src')

/** `import … from '…'`, `import '…'` and `export … from '…'` at the start of a line; not `import type`. */
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]/gm

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? join(SRC, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : null
  if (!base) return null // a package
  for (const file of [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')])
    if (existsSync(file) && statSync(file).isFile()) return file
  return null
}

/** Every source file `entry` reaches through static imports, as paths from the repository root. */
function staticallyReached(entry: string): Set<string> {
  const seen = new Set<string>()
  const queue = [join(ROOT, entry)]
  while (queue.length > 0) {
    const file = queue.pop()!
    const name = relative(ROOT, file)
    if (seen.has(name)) continue
    seen.add(name)
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const target = resolveImport(file, specifier!)
      if (target) queue.push(target)
    }
  }
  return seen
}

describe('what the board loads before its values show', () => {
  it('finds the static imports it follows (the shell reaches the board and its stores)', () => {
    const shell = staticallyReached('src/main.ts')
    expect(shell).toContain('src/views/BoardView.vue')
    expect(shell).toContain('src/stores/org.ts')
    expect(shell).toContain('src/db/db.ts')
  })

  it("loads the dialogs' Back listener with the shell, so it is added before the router's", () => {
    // Not left to whichever dialog the shell imports: without the listener first, the router sees each
    // dialog's own history entries pop as navigations (useDialogStack.ts).
    expect(readFileSync(join(SRC, 'main.ts'), 'utf8')).toMatch(/^import '\.\/composables\/useDialogStack'$/m)
    expect(staticallyReached('src/main.ts')).toContain('src/composables/useDialogStack.ts')
  })

  it('keeps "Who is doing this?" in the shell, so a save outside any dialog asks at once, offline too', () => {
    expect(staticallyReached('src/main.ts')).toContain('src/components/common/NamePickerDialog.vue')
  })

  it.each([
    ['src/components/layout/UpdatePrompt.vue', 'mounted once the first screen is idle (it registers the worker)'],
    ['src/components/board/BoardSidePanels.vue', "the board's side panels come once its tiles show their values"],
    ['src/components/goals/BoardGoalsTile.vue', 'a side panel'],
    ['src/stores/escalationCommands.ts', 'the first raise or move'],
    ['src/domain/escalations.ts', 'the moves and their wording; the tile reads escalationStatus.ts'],
  ])('the shell does not statically import %s (%s)', (file) => {
    expect(staticallyReached('src/main.ts')).not.toContain(file)
  })

  // The side panels, their stores and their rules: anything the shell imports statically that imports one of these
  // (a store read by the header for a count, a rule module for one helper) brings it back before the tiles' values.
  it.each([
    ['src/components/standardWork/AdherenceTile.vue'],
    ['src/components/escalations/EscalationsTile.vue'],
    ['src/components/ideas/BoardIdeasPanel.vue'],
    ['src/components/actions/ActionsPanel.vue'],
    ['src/components/actions/ActionItem.vue'],
    ['src/stores/actions.ts'],
    ['src/stores/ideas.ts'],
    ['src/stores/escalations.ts'],
    ['src/stores/standardWork.ts'],
    ['src/stores/standardWorkRuns.ts'],
    ['src/stores/goals.ts'],
    ['src/domain/standardWork/index.ts'],
    ['src/domain/standardWork/adherence.ts'],
    ['src/domain/ideas.ts'],
    ['src/domain/wastes.ts'],
    ['src/domain/actions.ts'],
    ['src/domain/actionDisplay.ts'],
    ['src/domain/escalationsScope.ts'],
    ['src/domain/escalationStatus.ts'],
  ])('the shell does not statically import %s (a side panel, fetched once the tiles show their values)', (file) => {
    const shell = staticallyReached('src/main.ts')
    expect(shell).not.toContain(file)
    expect(staticallyReached('src/components/board/BoardSidePanels.vue')).toContain(file)
  })

  // The write path: loaded by the first save or once the browser is idle after the first screen (db/writes.ts,
  // db/logFault.ts), so a store the shell imports writes through db/writes.ts, never repo.ts itself.
  it.each([
    ['src/db/repo.ts'],
    ['src/db/syncRecords.ts'],
    ['src/db/organisationWrites.ts'],
    ['src/db/clock.ts'],
    ['src/shared/sync/merge.ts'],
    ['src/shared/sync/text.ts'],
    ['src/domain/validation.ts'],
    ['src/domain/history.ts'],
    ['src/domain/defaults.ts'],
    ['src/db/errorLog.ts'],
  ])('the shell does not statically import %s (the write path, loaded by the first save or when idle)', (file) => {
    expect(staticallyReached('src/main.ts')).not.toContain(file)
  })

  it('fetches the write path when idle once the first screen is set up, so a save after the Wi-Fi drops needs none', () => {
    const app = readFileSync(join(SRC, 'App.vue'), 'utf8')
    expect(app).toMatch(/onMounted\(\(\) => \{[^}]*prefetchWrites\(\)/)
    expect(staticallyReached('src/main.ts')).toContain('src/db/writes.ts')
  })

  it('renders the side panels only once the tiles show their values, in their own chunk', () => {
    const board = readFileSync(join(SRC, 'views/BoardView.vue'), 'utf8')
    expect(board).toMatch(/import\('@\/components\/board\/BoardSidePanels\.vue'\)/)
    expect(board).toMatch(/<BoardSidePanels v-if="panelsShown" \/>/)
    const config = readFileSync(join(ROOT, 'vite.config.ts'), 'utf8')
    expect(config).toContain("name: 'board-panels'")
    // The tiles' chunk (fetched as the values show) holds what the tiles need, not a panel.
    const tilesTest = /name: 'board-tiles',\s*test: \/(.+)\/,/.exec(config)?.[1]
    expect(tilesTest).toBeDefined()
    expect(new RegExp(tilesTest!).test(join(SRC, 'domain/trends/tileIcons.ts'))).toBe(true)
    expect(new RegExp(tilesTest!).test(join(SRC, 'components/goals/BoardGoalsTile.vue'))).toBe(false)
  })

  it.each([
    ['src/stores/goalCommands.ts'],
    ['src/db/goalWrites.ts'],
    ['src/domain/goals/index.ts'],
    ['src/domain/goals/goalDraft.ts'],
    ['src/domain/goals/catchBallInput.ts'],
    ['src/domain/goals/a3.ts'],
    ['src/domain/goals/review.ts'],
    ['src/domain/goals/bowling.ts'],
    ['src/domain/goals/deployment.ts'],
  ])('the goals tile loads without %s (a save or another goal screen loads it)', (file) => {
    const tile = staticallyReached('src/components/goals/BoardGoalsTile.vue')
    expect(tile).toContain('src/stores/goals.ts')
    expect(tile).not.toContain(file)
  })
})
