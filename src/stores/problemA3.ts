import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { saveProblemA3 } from '@/db/problemA3Writes'
import { useProblemA3Page } from '@/db/queries/problemA3'
import { InputError } from '@/domain/errors'
import type { ProblemA3Draft } from '@/domain/problemA3'
import type { ProblemA3, ProblemA3SubjectTable } from '@/domain/types'

/**
 * The problem-solving A3 on screen: which idea or escalation it is about, the A3 itself and what it shows
 * beside it (read live through db/queries/problemA3.ts), and its save (db/problemA3Writes.ts).
 */
export const useProblemA3Store = defineStore('problemA3', () => {
  const table = ref<ProblemA3SubjectTable>('ideas')
  const subjectId = ref('')
  const page = useProblemA3Page(table, subjectId)

  const subject = computed(() => page.data.value.subject)
  const a3 = computed(() => page.data.value.a3)
  const measures = computed(() => page.data.value.measures)
  const actions = computed(() => page.data.value.actions)
  const measure = computed(() => measures.value.find((m) => m.id === a3.value?.measureId))
  /** Where the A3 is reached from, and where its screens go back to. */
  const subjectPath = computed(() => (table.value === 'ideas' ? `/board/ideas/${subjectId.value}` : '/escalations'))
  const a3Path = computed(() => `/problem-a3/${table.value === 'ideas' ? 'idea' : 'escalation'}/${subjectId.value}`)

  async function open(forTable: ProblemA3SubjectTable, id: string) {
    table.value = forTable
    subjectId.value = id
    await page.settled()
  }

  async function save(draft: ProblemA3Draft, shown: ProblemA3Draft, by: string): Promise<ProblemA3> {
    const about = subject.value
    if (!about) throw new InputError('That idea or escalation is no longer on this tablet')
    const saved = await saveProblemA3(about, draft, shown, by)
    await page.settled()
    return saved
  }

  return {
    table,
    subjectId,
    loaded: page.loaded,
    subject,
    a3,
    measures,
    actions,
    measure,
    subjectPath,
    a3Path,
    open,
    save,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProblemA3Store, import.meta.hot))
