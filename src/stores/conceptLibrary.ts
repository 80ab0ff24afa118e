import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useConceptLibrary } from '@/db/queries/concepts'
import { conceptById } from '@/domain/concepts'
import { canEditLibrary, libraryRefs, searchRefs, type LibraryRef } from '@/domain/conceptNames'
import { libraryScopeId } from '@/shared/sync/scopes'

/**
 * The trust's concept library as chips and pickers need it: the improvement office's
 * edits (kept in the trust's library scope) and the names they give. Light on purpose,
 * since the board uses it; the page text and the editing live in useConceptsStore.
 */
export const useConceptLibraryStore = defineStore('conceptLibrary', () => {
  /** Whether a screen has asked for the library (tests of other screens never read it). */
  const wanted = ref(false)
  // Live: the improvement office's edits, a new enrolment or a first set-up show at once.
  const live = useConceptLibrary(wanted)
  const edits = computed(() => live.data.value.edits)
  const trustId = computed(() => live.data.value.trustId)
  /** The enrolment's scope kind; undefined on a tablet that is not enrolled. */
  const enrolmentKind = computed(() => live.data.value.enrolmentKind)
  const loaded = computed(() => wanted.value && live.loaded.value)

  const refs = computed<LibraryRef[]>(() => libraryRefs(edits.value))
  const byId = computed(() => new Map(refs.value.map((r) => [r.id, r])))
  const scopeId = computed(() => (trustId.value ? libraryScopeId(trustId.value) : null))
  /** This device may change the library (and there is a trust to keep it in). */
  const canEdit = computed(() => canEditLibrary(enrolmentKind.value) && scopeId.value !== null)

  /** Start reading the library; resolves once it shows what is stored now. Screens call this freely. */
  function load(): Promise<void> {
    if (!wanted.value) wanted.value = true
    else if (live.loaded.value) return Promise.resolve()
    return live.settled()
  }

  /** Resolves once the library shows what is stored now (after a save here). */
  function settled(): Promise<void> {
    return wanted.value ? live.settled() : Promise.resolve()
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
    settled,
    conceptRef,
    search,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useConceptLibraryStore, import.meta.hot))
