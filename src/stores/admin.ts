import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  createAdminApi,
  type AdminApi,
  type AdminCode,
  type AdminDevice,
  type AdminOrg,
  type AdminResult,
  type IssueCodeRequest,
  type IssuedCode,
  type UnitKind,
} from '@/admin/adminApi'

/** The admin token lives in sessionStorage only: gone when the browser tab closes, and
 * never in IndexedDB, where it would outlive the session on a shared tablet. */
export const ADMIN_TOKEN_KEY = 'lim-huddle.admin-token'

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(ADMIN_TOKEN_KEY)
  } catch {
    return null
  }
}

/** The improvement office's screen: organisation, enrolment codes and devices. */
export const useAdminStore = defineStore('admin', () => {
  const token = ref<string | null>(storedToken())
  const org = ref<AdminOrg | null>(null)
  const codes = ref<AdminCode[]>([])
  const devices = ref<AdminDevice[]>([])
  /** A failure loading the lists (an action's own failure goes back to its form). */
  const error = ref<string | null>(null)
  const loading = ref(false)
  /** The code just issued: its plaintext is shown once and never fetched again. */
  const issued = ref<IssuedCode | null>(null)

  let api: AdminApi = createAdminApi({ token: () => token.value })
  const hasToken = computed(() => Boolean(token.value))

  /** Tests: talk to another server. */
  function useApi(next: AdminApi) {
    api = next
  }

  function forget() {
    token.value = null
    try {
      sessionStorage.removeItem(ADMIN_TOKEN_KEY)
    } catch {
      // Storage switched off: the token was only ever in memory.
    }
    org.value = null
    codes.value = []
    devices.value = []
    issued.value = null
  }

  async function refresh(): Promise<boolean> {
    loading.value = true
    try {
      const [o, c, d] = await Promise.all([api.getOrg(), api.listCodes(), api.listDevices()])
      const failed = [o, c, d].find((r) => !r.ok)
      if (failed && !failed.ok) {
        error.value = failed.message
        if (failed.error === 'unauthorised') forget()
        return false
      }
      if (o.ok) org.value = o.value
      if (c.ok) codes.value = c.value
      if (d.ok) devices.value = d.value
      error.value = null
      return true
    } finally {
      loading.value = false
    }
  }

  /** Keep the token for this browser session and load everything with it. */
  async function signIn(entered: string): Promise<boolean> {
    token.value = entered.trim()
    try {
      sessionStorage.setItem(ADMIN_TOKEN_KEY, token.value)
    } catch {
      // Storage switched off: keep it in memory for this page only.
    }
    return refresh()
  }

  /** Run an action; on success reload the lists. Returns the failure message, if any. */
  async function act<T>(run: () => Promise<AdminResult<T>>): Promise<string | undefined> {
    const result = await run()
    if (!result.ok) {
      if (result.error === 'unauthorised') {
        error.value = result.message
        forget()
      }
      return result.message
    }
    await refresh()
    return undefined
  }

  const addTrust = (name: string) => act(() => api.addTrust(name))
  const renameTrust = (id: string, name: string) => act(() => api.renameTrust(id, name))
  const addCsu = (trustId: string, name: string) => act(() => api.addCsu(trustId, name))
  const renameCsu = (id: string, name: string) => act(() => api.renameCsu(id, name))
  const addUnit = (csuId: string, name: string, kind: UnitKind) => act(() => api.addUnit(csuId, name, kind))
  const updateUnit = (id: string, changes: { name?: string; kind?: UnitKind }) => act(() => api.updateUnit(id, changes))
  const revokeCode = (id: string) => act(() => api.revokeCode(id))
  const revokeDevice = (id: string) => act(() => api.revokeDevice(id))

  async function issueCode(request: IssueCodeRequest): Promise<string | undefined> {
    const result = await api.issueCode(request)
    if (!result.ok) {
      if (result.error === 'unauthorised') {
        error.value = result.message
        forget()
      }
      return result.message
    }
    issued.value = result.value
    await refresh()
    return undefined
  }

  return {
    token,
    org,
    codes,
    devices,
    error,
    loading,
    issued,
    hasToken,
    useApi,
    forget,
    refresh,
    signIn,
    addTrust,
    renameTrust,
    addCsu,
    renameCsu,
    addUnit,
    updateUnit,
    issueCode,
    revokeCode,
    revokeDevice,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminStore, import.meta.hot))
