// Boards at every tier, through the stores a CSU tablet uses: after enrolling for a whole
// CSU it sets up the CSU's own board (scope = the CSU id, no unit record), switches
// between it and its wards' boards, and the board reaches the other CSU tablets only.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, resetDatabase } from '@/db/db'
import { useEnrolmentStore } from '@/stores/enrolment'
import { useOrgStore } from '@/stores/org'
import { useSyncStore } from '@/stores/sync'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { board, makeTablet, transportFor, UNIT_ID } from './tablets'

let server: MemorySyncServer

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  server = new MemorySyncServer()
  server.addUnit({ id: UNIT_ID, name: 'Ward 7' }, { record: true })
})

async function enrolHere(scope: { kind: 'unit' | 'csu' | 'trust'; id: string }) {
  const enrolment = useEnrolmentStore()
  enrolment.useTransport(transportFor(server, db))
  useSyncStore().useTransport(transportFor(server, db))
  await enrolment.load()
  expect(await enrolment.enrol({ code: server.issueCode(scope), deviceName: 'Medicine office' })).toEqual({})
  await enrolment.settled()
  return enrolment
}

describe("a CSU tablet's own board", () => {
  it("is offered after enrolment, set up in the CSU's scope and shown beside the wards' boards", async () => {
    // A ward board already on the server.
    const ward = makeTablet('ward', server)
    await ward.enrol(UNIT_ID)
    await ward.repo.saveRecord('boards', board(), 'Sam')
    await ward.engine.syncOnce()

    const enrolment = await enrolHere({ kind: 'csu', id: 'csu' })
    const org = useOrgStore()
    expect(enrolment.firstSync).toBe('done')
    expect(org.boards.map((b) => b.unitId)).toEqual([UNIT_ID])
    expect(enrolment.tierScopeWithoutBoard).toEqual({ id: 'csu', tier: 'csu', name: 'Medicine' })
    expect(enrolment.tierBoardTitle(enrolment.tierScopeWithoutBoard!)).toBe('the Medicine CSU board')

    const csuBoard = await enrolment.setUpBoard('csu', 'Lee')
    await enrolment.settled()
    expect(csuBoard).toMatchObject({ unitId: 'csu', name: 'Medicine CSU board' })
    expect(enrolment.tierScopeWithoutBoard).toBeNull()
    // No units record for the CSU: it is named from the enrolment.
    expect(await db.units.get('csu')).toBeUndefined()
    expect(org.currentBoardId).toBe(csuBoard.id)
    expect(org).toMatchObject({ currentTier: 'csu', currentScopeName: 'Medicine CSU', currentUnit: null })
    expect(org.currentCsu?.id).toBe('csu')
    expect(org.boardLabel(csuBoard)).toBe('Medicine CSU board')
    expect(org.boardLabel(org.boards.find((b) => b.unitId === UNIT_ID)!)).toBe('Ward 7 board')
    expect(org.boardLabel({ ...csuBoard, unitId: UNIT_ID, name: 'Daily huddle board' })).toBe(
      'Ward 7 – Daily huddle board',
    )

    // Switching to the ward's board and back.
    await org.selectBoard(board().id)
    expect(org).toMatchObject({ currentTier: 'unit', currentScopeName: 'Ward 7' })
    expect(server.recordsIn('csu').map((r) => `${r.table}/${r.id}`)).toEqual([`boards/${csuBoard.id}`])

    // The ward tablet never receives it.
    await ward.engine.syncOnce()
    expect((await ward.database.boards.toArray()).map((b) => b.unitId)).toEqual([UNIT_ID])
  })

  it('is not offered to a ward tablet, and a ward tablet cannot set one up', async () => {
    const enrolment = await enrolHere({ kind: 'unit', id: UNIT_ID })
    expect(enrolment.tierScope).toBeNull()
    await expect(enrolment.setUpBoard('csu', 'Sam')).rejects.toThrow(
      'This tablet is not enrolled for that ward, department or CSU',
    )
    expect(await db.boards.count()).toBe(0)
  })

  it("is the trust board on the improvement office's tablet", async () => {
    const enrolment = await enrolHere({ kind: 'trust', id: 'trust-1' })
    expect(enrolment.tierScopeWithoutBoard).toEqual({
      id: 'trust-1',
      tier: 'trust',
      name: 'Northfield Teaching Hospitals',
    })
    const trustBoard = await enrolment.setUpBoard('trust-1', 'Kay')
    await enrolment.settled()
    expect(trustBoard.name).toBe('Northfield Teaching Hospitals trust board')
    expect(useOrgStore()).toMatchObject({ currentTier: 'trust', currentScopeName: 'Northfield Teaching Hospitals' })
    expect(server.recordsIn('trust-1')).toHaveLength(1)
  })
})
