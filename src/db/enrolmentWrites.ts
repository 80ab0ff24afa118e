// The enrolment's writes on this tablet's database; the rules live in src/sync.
import { saveEnrolment, type Enrolment } from '@/sync/enrolment'
import { shareLocalUnit } from '@/sync/shareBoard'
import type { EnrolResponse } from '@/sync/transport-types'
import { db } from './db'

export function storeEnrolment(response: EnrolResponse, deviceName: string): Promise<Enrolment> {
  return saveEnrolment(db, response, deviceName)
}

/** Move a unit set up here before enrolment into an enrolled one (see shareLocalUnit). */
export function moveLocalUnit(fromId: string, to: Parameters<typeof shareLocalUnit>[2], by: string): Promise<number> {
  return shareLocalUnit(db, fromId, to, by)
}
