// LIM certification on screen: put an idea forward from what the tablet holds, the sponsor endorses it,
// the improvement office assesses it (this tablet is not enrolled, so it keeps its own library and may
// assess) with feedback on one criterion, the team improves the reflection and sends it again, and the
// office certifies it; the certified improvement is then in the trust-wide list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { db, resetDatabase } from '@/db/db'
import { addDays, londonDay } from '@/domain/dates'
import type { Idea } from '@/domain/types'
import { useActorStore } from '@/stores/actor'
import CertCriteriaView from '@/views/CertCriteriaView.vue'
import CertificateView from '@/views/CertificateView.vue'
import CertificationsView from '@/views/CertificationsView.vue'
import CertificationView from '@/views/CertificationView.vue'
import CertifySubmitView from '@/views/CertifySubmitView.vue'
import { makeEntry, makeMeasure, seedBoard } from './boardFixture'
import { makeIdea } from './ideasFixture'
import { certEntry, submission } from '../unit/certification/fixtures'
import { buttonNamed, settle } from '../helpers/dom'

let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await resetDatabase()
})
afterEach(() => wrapper?.unmount())

const today = londonDay()
// 26 weeks at about 6 falls a week, then 20 weeks at about 2: a shift that has held.
const change = addDays(today, -20 * 7 + 1)
const falls = makeMeasure({ id: 'falls', name: 'Falls', type: 'count', direction: 'lower', unit: 'falls' })
const entries = Array.from({ length: 46 * 7 }, (_, i) => {
  const day = addDays(change, i - 26 * 7)
  return makeEntry(falls, day, day > today ? 0 : i % 7 === 0 ? (day < change ? 6 : 2) + ((i / 7) % 3) - 1 : 0)
}).filter((e) => e.day <= today)
const idea: Idea = {
  ...makeIdea('i1', { problem: 'Falls at night in bay 2', status: 'implemented' }),
  idea: 'A bedside falls huddle at the start of each night shift',
  implementedAt: `${change}T10:00:00.000Z`,
  measureId: 'falls',
  owner: 'Priya Shah',
  sponsor: 'Dr Amir Khan',
  conceptIds: ['pdsa'],
}
const REFLECTION =
  'We tested a bedside falls huddle in bay 2 over three PDSA cycles and looked at the falls chart every week together.'

async function mountAt(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await seedBoard(pinia, [falls], entries)
  await db.csus.put({ id: 'csu-1', trustId: 'trust-1', name: 'Medicine', createdAt: idea.createdAt })
  await db.trusts.put({ id: 'trust-1', name: 'Leeds Teaching Hospitals', createdAt: idea.createdAt })
  await db.ideas.put(idea)
  const blank = { render: () => null }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board/ideas/:id/certify', component: CertifySubmitView },
      { path: '/board/ideas/:id', component: blank },
      { path: '/board/ideas', component: blank },
      { path: '/certification', component: CertificationsView },
      { path: '/certification/:id', component: CertificationView },
      { path: '/concepts/:id', component: blank },
      { path: '/certification/:id/certificate', component: CertificateView },
      { path: '/certification/criteria', component: CertCriteriaView },
    ],
  })
  await router.push(path)
  const view = path.startsWith('/board')
    ? CertifySubmitView
    : path === '/certification'
      ? CertificationsView
      : path === '/certification/criteria'
        ? CertCriteriaView
        : path.endsWith('/certificate')
          ? CertificateView
          : CertificationView
  wrapper = mount(view, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return { router, pinia }
}

async function fill(selector: string, value: string) {
  await wrapper!.find(selector).setValue(value)
}

describe('LIM certification screens', () => {
  it('puts an idea forward, and the office assesses, the team sends it again, and it is certified', async () => {
    const { router } = await mountAt('/board/ideas/i1/certify')
    // Assembled from the idea: the change day, the measure and the app's check.
    expect(wrapper!.text()).toContain('A bedside falls huddle at the start of each night shift')
    expect(wrapper!.find('[data-testid="sustained-check"] strong').text()).toBe('Is it sustained? Sustained.')
    expect(wrapper!.find('[data-testid="sustained-check"]').text()).toContain('held for the last 12 weeks')
    expect((wrapper!.find('#certify-names').element as HTMLInputElement).value).toBe('Priya Shah')
    expect((wrapper!.find('#certify-sponsor').element as HTMLInputElement).value).toBe('Dr Amir Khan')

    // A short reflection and no answer on sharing names: both said, nothing saved.
    useActorStore().pick('Priya Shah')
    await fill('#certify-reflection', 'It worked.')
    await wrapper!.find('form').trigger('submit')
    await settle()
    expect(wrapper!.find('.nhsuk-error-summary').text()).toContain('Your reflection must be at least 100 characters')
    expect(wrapper!.find('.nhsuk-error-summary').text()).toContain('Choose whether your names may be shown')
    expect(await db.certSubmissions.count()).toBe(0)

    await fill('#certify-names', 'Priya Shah, Sam Jones')
    await fill('#certify-reflection', REFLECTION)
    await wrapper!.find('#certify-consent').setValue(true)
    useActorStore().pick('Priya Shah')
    await wrapper!.find('form').trigger('submit')
    await settle()
    const [stored] = await db.certSubmissions.toArray()
    expect(stored).toMatchObject({ names: ['Priya Shah', 'Sam Jones'], consentToShare: true, measureId: 'falls' })
    expect(router.currentRoute.value.path).toBe(`/certification/${stored!.id}`)
    wrapper!.unmount()

    // The submission's page: the sponsor endorses under the name given.
    await mountAt(`/certification/${stored!.id}`)
    expect(wrapper!.find('[data-testid="cert-state"]').text()).toBe('Waiting for the sponsor')
    await fill('#cert-endorsement', 'The night team now runs this every shift.')
    useActorStore().pick('Sam Jones')
    expect(buttonNamed(wrapper!, 'Endorse').attributes('type')).toBe('submit')
    wrapper!.find('#cert-endorsement').element.closest('form')!.dispatchEvent(new Event('submit'))
    await settle()
    expect(wrapper!.text()).toContain('Dr Amir Khan is named as the sponsor: only they can endorse it')
    useActorStore().pick('Dr Amir Khan')
    wrapper!.find('#cert-endorsement').element.closest('form')!.dispatchEvent(new Event('submit'))
    await settle()
    expect(wrapper!.find('[data-testid="cert-state"]').text()).toBe('Waiting for the improvement office')

    // The office sees the app's findings per criterion and gives feedback on "meaningful".
    expect(wrapper!.find('[data-testid="finding-sustainable"]').text()).toMatch(/^Sustained: Falls improved/)
    const assess = () => wrapper!.find('#assess-note').element.closest('form')!
    await wrapper!.find('#assess-decision-meaningful-not-yet').setValue(true)
    await wrapper!.find('#assess-decision-measurable').setValue(true)
    await wrapper!.find('#assess-decision-sustainable').setValue(true)
    useActorStore().pick('Kay Office')
    assess().dispatchEvent(new Event('submit'))
    await settle()
    expect(wrapper!.find('.nhsuk-error-summary').text()).toContain('Say what would get "Meaningful" there')
    await fill('#assess-feedback-meaningful', 'Say what patients and the night team noticed')
    useActorStore().pick('Kay Office')
    assess().dispatchEvent(new Event('submit'))
    await settle()
    expect(wrapper!.find('[data-testid="cert-state"]').text()).toBe('Not yet')
    expect(wrapper!.find('[data-testid="cert-thread"]').text()).toContain(
      'Meaningful: not yet – Say what patients and the night team noticed',
    )

    // The team improves the reflection and sends it again.
    await fill('#cert-reflection', `${REFLECTION} Patients told us they felt safer at night.`)
    useActorStore().pick('Priya Shah')
    wrapper!.find('#cert-reflection').element.closest('form')!.dispatchEvent(new Event('submit'))
    await settle()
    expect(wrapper!.find('[data-testid="cert-state"]').text()).toBe('Waiting for the improvement office · round 2')
    expect(wrapper!.find('[data-testid="cert-reflection"]').text()).toContain('Patients told us they felt safer')

    // The office certifies.
    await wrapper!.find('#assess-decision-meaningful').setValue(true)
    await wrapper!.find('#assess-decision-measurable').setValue(true)
    await wrapper!.find('#assess-decision-sustainable').setValue(true)
    useActorStore().pick('Kay Office')
    assess().dispatchEvent(new Event('submit'))
    await settle()
    expect(wrapper!.find('[data-testid="cert-state"]').text()).toBe('Certified · round 2')
    expect(await db.certifications.get(`certified-${stored!.id}`)).toMatchObject({
      unitId: 'library-trust-1',
      names: ['Priya Shah', 'Sam Jones'],
      unitName: 'Ward 7',
      csuName: 'Medicine',
    })
    wrapper!.unmount()

    // The trust-wide list shows it.
    await mountAt('/certification')
    expect(wrapper!.find('[data-testid="certified-list"]').text()).toContain(
      'Priya Shah and Sam Jones · Ward 7, Medicine · Falls',
    )
    expect(wrapper!.find('[data-testid="cert-submissions"]').text()).toContain('Certified')
    // Searchable by concept and CSU (the only ones held are offered).
    expect(wrapper!.findAll('#certs-concept option').map((o) => o.text())).toEqual(['Any concept', 'PDSA'])
    expect(wrapper!.findAll('#certs-csu option').map((o) => o.text())).toEqual(['Any CSU', 'Medicine'])
    await wrapper!.find('#certs-text').setValue('sepsis')
    expect(wrapper!.find('[data-testid="certified-list"]').exists()).toBe(false)
    expect(wrapper!.text()).toContain('0 certified improvements')
    await wrapper!.find('#certs-text').setValue('bedside')
    expect(wrapper!.findAll('[data-testid="certified-list"] > li')).toHaveLength(1)
    wrapper!.unmount()

    // The certificate names the people and the improvement.
    await mountAt(`/certification/${stored!.id}/certificate`)
    const certificate = wrapper!.find('[data-testid="certificate"]')
    expect(certificate.find('[data-testid="certificate-people"]').text()).toBe('Priya Shah and Sam Jones')
    expect(certificate.text()).toContain('A bedside falls huddle at the start of each night shift')
    expect(certificate.text()).toContain('of Ward 7, Medicine used the Leeds Improvement Method')
    expect(certificate.text()).toContain('Certified by Kay Office for the improvement office')
    expect(certificate.text()).toContain('PDSA')
    expect(certificate.text()).toContain('Before and after')
  })

  it('the office changes the criteria and the sustain period; a bad period is said and nothing saved', async () => {
    await mountAt('/certification/criteria')
    expect(wrapper!.find('[data-testid="sustain-weeks"]').text()).toBe('12 weeks')
    expect(wrapper!.findAll('[data-testid="criteria-list"] dt').map((d) => d.text())).toEqual([
      'Meaningful',
      'Measurable',
      'Sustainable',
    ])
    await buttonNamed(wrapper!, 'Change the criteria').trigger('click')
    await fill('#criteria-sustainWeeks', '60')
    await fill('#criteria-name-0', 'Meaningful to patients')
    useActorStore().pick('Kay Office')
    wrapper!.find('form').element.dispatchEvent(new Event('submit'))
    await settle()
    expect(wrapper!.find('.nhsuk-error-summary').text()).toContain('The period must be between 4 and 52 weeks')
    expect(await db.certCriteria.count()).toBe(0)
    await fill('#criteria-sustainWeeks', '16')
    wrapper!.find('form').element.dispatchEvent(new Event('submit'))
    await settle()
    expect(await db.certCriteria.get('cert-criteria-trust-1')).toMatchObject({
      unitId: 'library-trust-1',
      sustainWeeks: 16,
      criteria: [
        { id: 'meaningful', name: 'Meaningful to patients', check: null },
        { id: 'measurable', check: 'measurable' },
        { id: 'sustainable', check: 'sustainable' },
      ],
    })
    expect(wrapper!.find('[data-testid="sustain-weeks"]').text()).toBe('16 weeks')
    expect(wrapper!.find('[data-testid="criteria-list"] dt').text()).toBe('Meaningful to patients')
    wrapper!.unmount()

    // The colleague's form reads the measure over the office's period.
    await mountAt('/board/ideas/i1/certify')
    expect(wrapper!.find('[data-testid="sustained-check"]').text()).toContain('held for the last 16 weeks')
  })

  it('says what to do first when the idea has no measure', async () => {
    await mountAt('/board/ideas/i1/certify')
    await db.ideas.update('i1', { measureId: null })
    await settle()
    expect(wrapper!.find('[data-testid="not-eligible"]').text()).toContain('Link a measure to this idea first')
    expect(wrapper!.find('form').exists()).toBe(false)
  })

  it('says it stays certified when a withdrawal made offline crossed the certification', async () => {
    await mountAt('/certification/s1')
    const unitId = (await db.units.toCollection().first())!.id
    await db.certSubmissions.put({ ...submission({ id: 's1', unitId }), ideaId: 'i1' })
    await db.certEntries.bulkPut([
      certEntry('submit', 'colleague', 0, { unitId }),
      certEntry('endorse', 'sponsor', 1, { unitId }),
      // The ward withdrew at 09:02 with no signal; the office, not having it, certified at 09:03.
      certEntry('withdraw', 'colleague', 2, { unitId, text: 'We want to run one more cycle first' }),
      certEntry('assess', 'office', 3, { unitId, outcome: 'certified' }),
    ])
    await settle()
    expect(wrapper!.find('[data-testid="cert-state"]').text()).toBe('Certified')
    expect(wrapper!.find('[data-testid="cert-crossed"]').text()).toContain(
      'It stays certified. Priya Shah withdrew it on 01/09/2026 10:02',
    )
    const thread = wrapper!.find('[data-testid="cert-thread"]')
    expect(thread.findAll('.cert-thread__crossed')).toHaveLength(1)
    expect(thread.text()).toContain("Not counted: it crossed the improvement office's certification")
    // Nothing the colleague can do now: no withdraw or resubmit form.
    expect(wrapper!.text()).not.toContain('Withdraw it')
    expect(wrapper!.find('a[href="/certification/s1/certificate"]').exists()).toBe(true)
  })
})
