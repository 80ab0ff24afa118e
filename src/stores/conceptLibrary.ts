import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { db } from '@/db/db'
import { conceptById } from '@/domain/concepts'
import { canEditLibrary, libraryRefs, searchRefs, type LibraryRef } from '@/domain/conceptNames'
import type { ConceptEdit } from '@/domain/types'
import { libraryScopeId } from '@/shared/sync/scopes'
import { readEnrolment } from '@/sync/enrolment'
import { useOrgStore } from './org'

/**
 * The trust's concept library as chips and pickers need it: the improvement office's
 * edits (kept in the trust's library scope) and the names they give. Light on purpose,
 * since the board uses it; the page text and the editing live in useConceptsStore.
 */
export const useConceptLibraryStore = defineStore('conceptLibrary', () => {
  const org = useOrgStore()
  const edits = ref<ConceptEdit[]>([])
  const trustId = ref<string | null>(null)
  /** The enrolment's scope kind; undefined on a tablet that is not enrolled. */
  const enrolmentKind = ref<string | undefined>(undefined)
  const loaded = ref(false)
  let loading: Promise<void> | null = null

  const refs = computed<LibraryRef[]>(() => libraryRefs(edits.value))
  const byId = computed(() => new Map(refs.value.map((r) => [r.id, r])))
  const scopeId = computed(() => (trustId.value ? libraryScopeId(trustId.value) : null))
  /** This device may change the library (and there is a trust to keep it in). */
  const canEdit = computed(() => canEditLibrary(enrolmentKind.value) && scopeId.value !== null)

  async function read() {
    const enrolment = await readEnrolment(db)
    // Read the trusts directly when the org store has not loaded, rather than load it
    // from here (a screen may be filling it meanwhile).
    const trusts = org.loaded ? org.trusts : await db.trusts.toArray()
    enrolmentKind.value = enrolment?.scope.kind
    trustId.value = enrolment?.trust.id ?? trusts[0]?.id ?? null
    edits.value = scopeId.value ? await db.conceptEdits.where('unitId').equals(scopeId.value).toArray() : []
    loaded.value = true
  }

  /** Read once; screens call this freely. */
  function load(): Promise<void> {
    loading ??= read().finally(() => {
      loading = null
    })
    return loading
  }

  /** Read again (after setup, enrolment or a pull brought new edits). */
  function reload(): Promise<void> {
    loading = null
    return load()
  }

  /** After a save: the edit as stored. */
  function replaceEdit(edit: ConceptEdit) {
    edits.value = [...edits.value.filter((e) => e.id !== edit.id), edit]
  }

  /** A concept's name and summary for a chip: the library's, else the built-in index's. */
  function conceptRef(id: string): LibraryRef | undefined {
    const built = conceptById(id)
    return byId.value.get(id) ?? (built ? { ...built, retired: false, builtIn: true } : undefined)
  }

  function search(query: string, chosen: readonly string[] = []): LibraryRef[] {
    return searchRefs(query, refs.value, chosen)
  }

  return {
    edits,
    trustId,
    enrolmentKind,
    loaded,
    refs,
    scopeId,
    canEdit,
    load,
    reload,
    replaceEdit,
    conceptRef,
    search,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useConceptLibraryStore, import.meta.hot))
