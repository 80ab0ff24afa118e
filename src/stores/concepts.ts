import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { readConceptLinks } from '@/db/conceptLinks'
import { db } from '@/db/db'
import { localExamples, type LocalExample } from '@/domain/conceptExamples'

/** The concept page's local examples: items on this tablet that practise the concept.
 * Read-only; it never writes. */
export const useConceptsStore = defineStore('concepts', () => {
  /** The concept the examples below belong to. */
  const conceptId = ref<string | null>(null)
  const examples = ref<LocalExample[]>([])
  const loading = ref(false)
  const error = ref('')
  // Someone can tap from one concept to a related one before the first read ends: only
  // the latest request may fill the list.
  let latest = 0

  async function loadExamples(id: string) {
    const request = ++latest
    conceptId.value = id
    examples.value = []
    loading.value = true
    error.value = ''
    try {
      const rows = await readConceptLinks(db, id)
      if (request === latest) examples.value = localExamples(id, rows)
    } catch (problem) {
      if (request === latest) {
        error.value = `We could not read this tablet's items (${problem instanceof Error ? problem.message : String(problem)}). Reload the page to try again.`
      }
    } finally {
      if (request === latest) loading.value = false
    }
  }

  return { conceptId, examples, loading, error, loadExamples }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useConceptsStore, import.meta.hot))
