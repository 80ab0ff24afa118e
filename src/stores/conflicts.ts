import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useTextChoices, type TextChoice } from '@/db/queries/conflicts'
import { updateRecord } from '@/db/writes'
import type { RecordMeta } from '@/domain/types'
import { InputError } from '@/domain/errors'

export type { TextChoice, TextVersionShown } from '@/db/queries/conflicts'

/** Texts for the board lead to choose between, and the choosing. */
export const useConflictsStore = defineStore('conflicts', () => {
  // Live: a pull that brings a second version, or a choice made on another tablet, shows at once.
  const live = useTextChoices()
  const items = computed(() => live.data.value)
  const count = computed(() => items.value.length)
  /** The last text someone chose here (its form is gone from the list once chosen). */
  const lastChosen = ref<TextChoice | null>(null)

  /** Resolves once the list shows what is stored now. */
  async function refresh() {
    await live.settled()
  }

  /**
   * Keep `text` (one of the versions, or an edit of them) for the field. It is saved like
   * any edit, with a text base covering every version shown, so once it syncs the other
   * versions are gone on every tablet. Throws InputError with a plain-English message.
   */
  async function choose(choice: TextChoice, text: string, by: string): Promise<void> {
    // Loaded with the texts to choose (db/queries/conflicts), so no further fetch here.
    const { validateChosenText } = await import('@/domain/textChoices')
    const problem = validateChosenText(choice.table, choice.field, text)
    if (problem) throw new InputError(problem)
    const saved = await updateRecord<RecordMeta>(choice.table, choice.recordId, { [choice.field]: text.trim() }, by, {
      resolve: { [choice.field]: choice.base },
    })
    if (!saved) throw new InputError('That record is no longer on this tablet')
    lastChosen.value = choice
    await refresh()
  }

  return { items, count, lastChosen, refresh, choose }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useConflictsStore, import.meta.hot))
