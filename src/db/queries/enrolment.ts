// This tablet's enrolment and the boards set up here that could join it.
import { readEnrolment, type Enrolment } from '@/sync/enrolment'
import { shareableUnits, type ShareableUnit } from '@/sync/shareBoard'
import { db } from '../db'

export function readStoredEnrolment(): Promise<Enrolment | undefined> {
  return readEnrolment(db)
}

export function readShareableUnits(enrolment: Enrolment | undefined): Promise<ShareableUnit[]> {
  return shareableUnits(db, enrolment)
}
