// Record ids are UUIDv7: time-ordered, so ids sort roughly by creation and the sync
// server's indexes stay compact; random enough that two offline tablets never clash.
import { v7 } from 'uuid'

export function newId(): string {
  return v7()
}

/** A day value has one natural key per measure and day, so two tablets recording the
 * same day update one record instead of creating two that would both show. */
export function entryId(measureId: string, day: string): string {
  return `${measureId}:${day}`
}
