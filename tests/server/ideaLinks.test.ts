// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { BACKENDS } from './backends.ts'
import { adminTokenFor, caller, enrolTablet, makeOrg } from './devices.fixtures.ts'
import { useTestServer } from './hooks.ts'

// A ward's idea link: its tablet makes it, any phone with it adds an idea to that ward
// (no enrolment, nothing read back), the admin lists and revokes it, and the server
// refuses patient details and floods.

describe.each(BACKENDS)('idea links on %s', (backend) => {
  const running = useTestServer(backend, { devices: { refusalLog: { flushEveryMs: 20 } } })
  const db = () => running().test.db
  const app = () => running().server.app
  let token: string | undefined
  const tablet = caller(app, () => token)
  const phone = caller(app, () => undefined)
  let adminToken: string | undefined
  const admin = caller(app, () => adminToken)

  async function wardWithLink() {
    const org = await makeOrg(db())
    token = (await enrolTablet(db(), 'unit', org.unitA.id)).token
    const made = await tablet('POST', '/api/idea-links', { unitId: org.unitA.id, boardId: 'board-a', label: 'Ward 7' })
    expect(made.status).toBe(201)
    return { org, link: made.body as { id: string; token: string; label: string } }
  }

  const idea = { problem: 'Gloves run out on nights', idea: 'A second glove rack by bay 3' }

  it('takes an idea from a phone into the ward scope as a new idea, and reads back only the label', async () => {
    const { org, link } = await wardWithLink()
    expect(await phone('GET', `/api/idea-links/${link.token}`)).toMatchObject({
      status: 200,
      body: { label: 'Ward 7' },
    })

    const sent = await phone('POST', `/api/idea-links/${link.token}/ideas`, { ...idea, raisedBy: 'Kemi' })
    expect(sent).toMatchObject({ status: 201, body: { received: true } })
    expect(Object.keys(sent.body as object)).toEqual(['received'])

    const records = await db().selectFrom('records').selectAll().where('scope', '=', org.unitA.id).execute()
    const stored = records.filter((r) => r.tbl === 'ideas')
    expect(stored).toHaveLength(1)
    const fields = JSON.parse(stored[0]!.fields) as Record<string, unknown>
    expect(fields).toMatchObject({ problem: idea.problem, boardId: 'board-a', status: 'new', raisedBy: 'Kemi' })

    adminToken = await adminTokenFor(db())
    const listed = await admin('GET', '/api/admin/idea-links')
    expect((listed.body as { id: string; ideasReceived: number }[]).find((l) => l.id === link.id)).toMatchObject({
      ideasReceived: 1,
      revokedAt: null,
    })
  })

  it('refuses patient details, says why, and stores nothing', async () => {
    const { org, link } = await wardWithLink()
    const sent = await phone('POST', `/api/idea-links/${link.token}/ideas`, {
      problem: 'Mrs Jones fell again in bay 2',
      idea: 'Sensor mat',
    })
    expect(sent.status).toBe(422)
    expect(sent.body).toMatchObject({ error: 'patient-details' })
    const records = await db().selectFrom('records').selectAll().where('scope', '=', org.unitA.id).execute()
    expect(records.filter((r) => r.tbl === 'ideas')).toHaveLength(0)
  })

  it('refuses an idea without a problem or an idea', async () => {
    const { link } = await wardWithLink()
    const sent = await phone('POST', `/api/idea-links/${link.token}/ideas`, { problem: ' ', idea: 'x' })
    expect(sent).toMatchObject({ status: 422, body: { error: 'invalid-idea', message: 'Enter what the problem is' } })
  })

  it('stops working once the admin revokes it', async () => {
    const { link } = await wardWithLink()
    adminToken = await adminTokenFor(db())
    expect((await admin('POST', `/api/admin/idea-links/${link.id}/revoke`)).status).toBe(200)
    expect((await phone('GET', `/api/idea-links/${link.token}`)).status).toBe(410)
    expect((await phone('POST', `/api/idea-links/${link.token}/ideas`, idea)).status).toBe(410)
  })

  it('answers an unknown link with 404 and needs the admin token to list links', async () => {
    await wardWithLink()
    expect((await phone('GET', '/api/idea-links/not-a-real-token-at-all-000')).status).toBe(404)
    adminToken = undefined
    expect((await admin('GET', '/api/admin/idea-links')).status).toBe(401)
  })

  it('will not make a link for a ward the tablet does not belong to', async () => {
    const { org } = await wardWithLink()
    const made = await tablet('POST', '/api/idea-links', { unitId: org.unitB.id, boardId: 'b', label: 'Lounge' })
    expect(made.status).toBe(403)
    token = undefined
    expect((await tablet('POST', '/api/idea-links', { unitId: org.unitA.id, boardId: 'b', label: 'x' })).status).toBe(
      401,
    )
  })

  it('limits how many ideas one address may send in an hour', async () => {
    const { link } = await wardWithLink()
    // An address of its own: the limit counts per server process, across these tests.
    const remoteAddress = `10.9.${backend === 'sqlite' ? 1 : 2}.7`
    const statuses: number[] = []
    for (let i = 0; i < 22; i++) {
      const res = await app().inject({
        method: 'POST',
        url: `/api/idea-links/${link.token}/ideas`,
        payload: idea,
        remoteAddress,
      })
      statuses.push(res.statusCode)
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(20)
    expect(statuses.slice(20)).toEqual([429, 429])
  })
})
