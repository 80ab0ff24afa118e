import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, resetDatabase } from '@/db/db'
import { formatInstant } from '@/domain/dates'
import { ADMIN_TOKEN_KEY } from '@/stores/admin'
import AdminView from '@/views/AdminView.vue'
import { fakeAdminServer } from './adminFake'

let server: ReturnType<typeof fakeAdminServer>

beforeEach(async () => {
  await resetDatabase()
  sessionStorage.clear()
  server = fakeAdminServer()
  vi.stubGlobal('fetch', server.fetch)
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function mountAdmin(signedIn = true) {
  if (signedIn) sessionStorage.setItem(ADMIN_TOKEN_KEY, 'admin-secret')
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(AdminView, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const button = (wrapper: VueWrapper, text: string) => {
  const found = wrapper.findAll('button').find((b) => b.text() === text)
  if (!found)
    throw new Error(
      `No button "${text}" in: ${wrapper
        .findAll('button')
        .map((b) => b.text())
        .join(' | ')}`,
    )
  return found
}

function seedOrg() {
  const at = server.now
  server.state.trusts.push({ id: 'trust-1', name: 'Northfield Teaching Hospitals', createdAt: at })
  server.state.csus.push({ id: 'csu-1', trustId: 'trust-1', name: 'Medicine', createdAt: at })
  server.state.units.push({ id: 'unit-7', csuId: 'csu-1', name: 'Ward 7', kind: 'ward', createdAt: at })
}

describe('AdminView: the admin token', () => {
  it('asks for the token, says plainly when it is wrong, and keeps a right one for this tab only', async () => {
    const wrapper = await mountAdmin(false)
    expect(server.calls).toEqual([])
    await wrapper.find('#admin-token').setValue('wrong')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('#admin-token-error').text()).toContain('The admin token was not accepted')
    expect(sessionStorage.getItem(ADMIN_TOKEN_KEY)).toBeNull()

    await wrapper.find('#admin-token').setValue(' admin-secret ')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('#admin-org-heading').exists()).toBe(true)
    expect(sessionStorage.getItem(ADMIN_TOKEN_KEY)).toBe('admin-secret')
    expect(server.calls.at(-1)?.authorization).toBe('Bearer admin-secret')
    // Never written to IndexedDB, where it would outlive the session.
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('admin-secret')

    await button(wrapper, 'Forget token').trigger('click')
    expect(sessionStorage.getItem(ADMIN_TOKEN_KEY)).toBeNull()
    expect(wrapper.find('#admin-token').exists()).toBe(true)
  })

  it('shows a plain message when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')))
    const wrapper = await mountAdmin()
    expect(wrapper.find('.nhsuk-error-summary').text()).toContain('The sync server cannot be reached')
  })
})

describe('AdminView: organisation', () => {
  it('adds a trust, a CSU and a department, and renames a unit', async () => {
    const wrapper = await mountAdmin()
    expect(wrapper.text()).toContain('No trusts yet')
    const trustForm = wrapper.findAll('form').find((f) => f.text().includes('Trust name'))!
    await trustForm.find('input[type="text"]').setValue('Northfield Teaching Hospitals')
    await trustForm.trigger('submit')
    await flushPromises()
    expect(wrapper.find('h3').text()).toBe('Northfield Teaching Hospitals')

    await button(wrapper, 'Add a CSU to Northfield Teaching Hospitals').trigger('click')
    await wrapper.find('form input[type="text"]').setValue('Medicine')
    await wrapper
      .findAll('form')
      .find((f) => f.text().includes('CSU name'))!
      .trigger('submit')
    await flushPromises()
    expect(wrapper.find('h4').text()).toBe('Medicine')

    await button(wrapper, 'Add a ward or department to Medicine').trigger('click')
    const unitForm = wrapper.findAll('form').find((f) => f.text().includes('Ward or department name'))!
    await unitForm.find('input[type="text"]').setValue('Outpatients')
    await unitForm.find('input[value="department"]').setValue(true)
    await unitForm.trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="admin-unit"]').text()).toContain('Outpatients (Department)')

    await button(wrapper, 'Rename or change type').trigger('click')
    const renameForm = wrapper.findAll('form').find((f) => f.text().includes('Ward or department name'))!
    await renameForm.find('input[type="text"]').setValue('Outpatients A')
    await renameForm.trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="admin-unit"]').text()).toContain('Outpatients A (Department)')

    const unitId = server.state.units[0]!.id
    expect(server.writes()).toEqual([
      ['POST', '/trusts', { name: 'Northfield Teaching Hospitals' }],
      ['POST', '/csus', { trustId: server.state.trusts[0]!.id, name: 'Medicine' }],
      ['POST', '/units', { csuId: server.state.csus[0]!.id, name: 'Outpatients', kind: 'department' }],
      ['PATCH', `/units/${unitId}`, { name: 'Outpatients A', kind: 'department' }],
    ])
  })

  it("shows the server's reason when it refuses, keeping what was typed", async () => {
    seedOrg()
    const wrapper = await mountAdmin()
    await button(wrapper, 'Add a ward or department to Medicine').trigger('click')
    const form = wrapper.findAll('form').find((f) => f.text().includes('Ward or department name'))!
    await form.find('input[type="text"]').setValue('Ward 7')
    server.failNext(400, { error: 'invalid-payload', message: 'There is already a unit called Ward 7 in Medicine.' })
    await form.trigger('submit')
    await flushPromises()
    expect(form.find('[role="alert"]').text()).toContain('There is already a unit called Ward 7 in Medicine.')
    expect((form.find('input[type="text"]').element as HTMLInputElement).value).toBe('Ward 7')
  })
})

describe('AdminView: enrolment codes', () => {
  it('issues a code for a unit, shows it large once, then lists it with its status and can revoke it', async () => {
    seedOrg()
    const wrapper = await mountAdmin()
    await wrapper.find('#issue-scope').setValue('unit:unit-7')
    await wrapper.find('#issue-amount').setValue('2')
    await wrapper.find('#issue-per').setValue('days')
    await wrapper.find('#issue-label').setValue('Second tablet')
    await wrapper.find('form.issue-code').trigger('submit')
    await flushPromises()
    expect(server.writes()).toEqual([
      ['POST', '/codes', { scopeKind: 'unit', scopeId: 'unit-7', expiresInHours: 48, label: 'Second tablet' }],
    ])
    const panel = wrapper.find('[data-testid="issued-code"]')
    expect(panel.find('.issued-code__code').text()).toBe('ABCD-EFGH-JKMN')
    expect(panel.text()).toContain('Write this down now; it will not be shown again.')
    expect(panel.text()).toContain(formatInstant(new Date(server.now + 48 * 3_600_000)))

    await button(wrapper, 'I have written it down').trigger('click')
    expect(wrapper.find('[data-testid="issued-code"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('ABCD-EFGH-JKMN')
    const row = wrapper.find('[data-testid="admin-code"]')
    expect(row.text()).toContain('Ward 7')
    expect(row.text()).toContain('Second tablet')
    expect(row.text()).toContain('Active')
    expect(row.find('svg').exists()).toBe(true)

    await row.find('button').trigger('click')
    await flushPromises()
    expect(server.writes().at(-1)).toEqual(['POST', `/codes/${server.state.codes[0]!.id}/revoke`, undefined])
    expect(wrapper.find('[data-testid="admin-code"]').text()).toContain('Revoked')
    expect(wrapper.find('[data-testid="admin-code"] button').exists()).toBe(false)
  })

  it('checks the code form before sending', async () => {
    seedOrg()
    const wrapper = await mountAdmin()
    await wrapper.find('#issue-amount').setValue('31')
    await wrapper.find('form.issue-code').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('Choose the ward, department or CSU the code is for')
    expect(wrapper.text()).toContain('up to 30 days')
    expect(server.writes()).toEqual([])
  })
})

describe('AdminView: devices', () => {
  beforeEach(() => {
    seedOrg()
    const at = server.now
    server.state.devices.push(
      {
        id: 'dev-1',
        name: "Ward 7 nurses' station",
        scopeKind: 'unit',
        scopeId: 'unit-7',
        scopeName: 'Ward 7',
        enrolledAt: at - 86_400_000,
        // Its count of unsent changes came with its last request, two hours ago.
        lastSeenAt: at - 2 * 3_600_000,
        lastSyncAt: at - 10 * 3_600_000,
        pendingCount: 3,
        oldestPendingAt: at - 9 * 3_600_000,
        revokedAt: null,
        unsyncedOver8h: true,
      },
      {
        id: 'dev-2',
        name: 'Medicine office',
        scopeKind: 'csu',
        scopeId: 'csu-1',
        scopeName: 'Medicine',
        enrolledAt: at,
        lastSeenAt: null,
        lastSyncAt: null,
        pendingCount: 0,
        oldestPendingAt: null,
        revokedAt: null,
        unsyncedOver8h: false,
      },
    )
  })

  it('lists each tablet with its scope, last sync, its unsent changes with how old that count is, and a warning for work unsent over 8 hours', async () => {
    vi.useFakeTimers({ now: server.now, toFake: ['Date'] })
    const wrapper = await mountAdmin()
    const [office, ward] = wrapper.findAll('[data-testid="admin-device"]')
    expect(ward!.text()).toContain("Ward 7 nurses' station")
    expect(ward!.text()).toContain(formatInstant(new Date(server.now - 10 * 3_600_000)))
    expect(ward!.find('[data-testid="unsynced-warning"]').text()).toContain('3 changes not sent for over 8 hours')
    expect(ward!.find('[data-testid="unsynced-warning"] svg').exists()).toBe(true)
    expect(ward!.get('[data-testid="unsent-report"]').text()).toBe('3 changes not sent, last reported 2 hours ago')
    expect(office!.get('[data-testid="unsent-report"]').text()).toBe('None')
    expect(office!.text()).toContain('Medicine (whole CSU)')
    expect(office!.text()).toContain('Never')
    expect(office!.find('[data-testid="unsynced-warning"]').exists()).toBe(false)
  })

  it('removes a tablet only after confirming, warning about its unsent changes and how old that count is', async () => {
    vi.useFakeTimers({ now: server.now, toFake: ['Date'] })
    const wrapper = await mountAdmin()
    await button(wrapper, "Remove Ward 7 nurses' station").trigger('click')
    const dialog = wrapper.find('dialog')
    expect(dialog.text()).toContain("Remove Ward 7 nurses' station from sync?")
    expect(dialog.text()).toContain('3 changes not sent, last reported 2 hours ago.')
    expect(dialog.text()).toContain('reach the server only once it is enrolled again')
    await button(wrapper, 'Cancel').trigger('click')
    expect(server.writes()).toEqual([])

    await button(wrapper, "Remove Ward 7 nurses' station").trigger('click')
    await button(wrapper, 'Remove tablet').trigger('click')
    await flushPromises()
    expect(server.writes()).toEqual([['POST', '/devices/dev-1/revoke', undefined]])
    expect(wrapper.findAll('[data-testid="admin-device"]').at(-1)!.text()).toContain(
      `Removed ${formatInstant(new Date(server.now))}`,
    )
  })
})
