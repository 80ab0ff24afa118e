import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useTemplates } from '@/db/queries/standardWork'
import { recordNow, saveRecord, updateRecord } from '@/db/repo'
import { newId } from '@/domain/ids'
import {
  nextVersion,
  normaliseShifts,
  normaliseTemplate,
  shiftsOf,
  validateShifts,
  validateTemplate,
  type ShiftTimes,
  type TemplateInput,
} from '@/domain/standardWork'
import type { Board, ChecklistTemplate } from '@/domain/types'
import { hasErrors } from '@/domain/validation'
import { libraryScopeId } from '@/shared/sync/scopes'
import { FieldErrors, InputError } from '@/domain/errors'
import { useOrgStore } from './org'

/** Thrown with every problem of a template form, keyed by field, for the error summary. */
export class TemplateErrors extends FieldErrors {
  constructor(errors: Record<string, string | undefined>) {
    super(errors, 'Check the checklist')
  }
}

/**
 * Standard work templates of the board on screen, and the trust's library of shared
 * templates (kept in the trust's library scope, boardId null) that a unit can adopt.
 */
export const useStandardWorkStore = defineStore('standardWork', () => {
  const org = useOrgStore()
  const boardId = ref<string | null>(null)
  const unitId = ref<string | null>(null)
  /** The trust of the unit on screen: its library scope holds trust-wide templates. */
  const trustId = computed(() => {
    const unit = org.units.find((u) => u.id === unitId.value)
    return org.csus.find((c) => c.id === unit?.csuId)?.trustId ?? null
  })

  // Live: a checklist written or retired on another tablet, or shared trust-wide, shows at once.
  const libraryScope = computed(() => (trustId.value ? libraryScopeId(trustId.value) : null))
  const live = useTemplates(boardId, libraryScope)
  const templates = computed(() => live.data.value.own)
  const library = computed(() => live.data.value.library)

  const board = computed(() => org.boards.find((b) => b.id === boardId.value) ?? null)
  const shifts = computed(() => shiftsOf(board.value))
  const active = computed(() =>
    templates.value.filter((t) => !t.retired).sort((a, b) => a.title.localeCompare(b.title)),
  )
  const retired = computed(() =>
    templates.value.filter((t) => t.retired).sort((a, b) => a.title.localeCompare(b.title)),
  )
  const libraryActive = computed(() =>
    library.value.filter((t) => !t.retired).sort((a, b) => a.title.localeCompare(b.title)),
  )
  async function load(forBoardId: string, forUnitId: string) {
    boardId.value = forBoardId
    unitId.value = forUnitId
    await live.settled()
  }

  function find(id: string): ChecklistTemplate | undefined {
    return templates.value.find((t) => t.id === id) ?? library.value.find((t) => t.id === id)
  }

  function checked(input: TemplateInput): TemplateInput {
    const errors = validateTemplate(input)
    if (hasErrors(errors)) throw new TemplateErrors(errors)
    return normaliseTemplate(input)
  }

  /** A new template for this board, or (trustWide) for the trust's library. */
  async function create(input: TemplateInput, by: string, trustWide = false): Promise<ChecklistTemplate> {
    if (!boardId.value || !unitId.value) throw new InputError('Open a board first')
    if (trustWide && !trustId.value)
      throw new InputError('This tablet does not know its trust, so it cannot share a checklist trust-wide')
    const fields = checked(input)
    const saved = await saveRecord<ChecklistTemplate>(
      'checklistTemplates',
      {
        id: newId(),
        unitId: trustWide ? libraryScopeId(trustId.value!) : unitId.value,
        boardId: trustWide ? null : boardId.value,
        ...fields,
        version: 1,
        retired: false,
        retiredAt: null,
        adoptedFromId: null,
      },
      by,
    )
    await live.settled()
    return saved
  }

  /** An edit makes the next version; runs already made keep the steps they followed. */
  async function update(id: string, input: TemplateInput, by: string): Promise<ChecklistTemplate> {
    const current = find(id)
    if (!current) throw new InputError('That checklist is no longer on this tablet')
    checked(input)
    const changes = nextVersion(current, input)
    if (!changes) return current
    return put(await stored(updateRecord<ChecklistTemplate>('checklistTemplates', id, changes, by)))
  }

  /** Retired checklists stop falling due; their runs and history stay. */
  async function setRetired(id: string, retire: boolean, by: string): Promise<ChecklistTemplate> {
    if (!find(id)) throw new InputError('That checklist is no longer on this tablet')
    const changes = { retired: retire, retiredAt: retire ? (await recordNow()).toISOString() : null }
    return put(await stored(updateRecord<ChecklistTemplate>('checklistTemplates', id, changes, by)))
  }

  /** Copy a trust-wide template into this unit, where the team can then adapt it. */
  async function adopt(libraryId: string, by: string): Promise<ChecklistTemplate> {
    const source = library.value.find((t) => t.id === libraryId)
    if (!source) throw new InputError('That trust-wide checklist is no longer on this tablet')
    if (!boardId.value || !unitId.value) throw new InputError('Open a board first')
    const { title, purpose, forRole, frequency, steps, conceptIds, leaderStandardWork, auditCard } = source
    const saved = await saveRecord<ChecklistTemplate>(
      'checklistTemplates',
      {
        id: newId(),
        unitId: unitId.value,
        boardId: boardId.value,
        title,
        purpose,
        forRole,
        frequency,
        steps,
        conceptIds,
        leaderStandardWork,
        auditCard,
        version: 1,
        retired: false,
        retiredAt: null,
        adoptedFromId: source.id,
      },
      by,
    )
    await live.settled()
    return saved
  }

  /** The unit's shift times, kept on the board. Overlapping shifts are refused. */
  async function setShifts(next: ShiftTimes, by: string): Promise<Board> {
    const problems = validateShifts(next)
    if (hasErrors(problems)) throw new TemplateErrors(problems)
    if (!board.value) throw new InputError('Open a board first')
    const saved = await updateRecord<Board>('boards', board.value.id, { shifts: normaliseShifts(next) }, by)
    if (!saved) throw new InputError('This board is no longer on this tablet')
    await org.settled()
    return saved
  }

  async function stored(write: Promise<ChecklistTemplate | undefined>): Promise<ChecklistTemplate> {
    const saved = await write
    if (!saved) throw new InputError('That checklist is no longer on this tablet')
    return saved
  }

  async function put(saved: ChecklistTemplate): Promise<ChecklistTemplate> {
    await live.settled()
    return saved
  }

  return {
    boardId,
    unitId,
    templates,
    library,
    board,
    shifts,
    active,
    retired,
    libraryActive,
    trustId,
    loaded: live.loaded,
    load,
    find,
    create,
    update,
    setRetired,
    adopt,
    setShifts,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useStandardWorkStore, import.meta.hot))
