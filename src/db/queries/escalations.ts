// Escalations, read live.
import type { Ref } from 'vue'
import type { Escalation } from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

/** Every escalation this tablet holds (its scopes decide which): nothing until `wanted`. */
export function useEscalationsHeld(wanted: Ref<boolean>) {
  return useLiveQuery(
    () => (wanted.value ? db.escalations.toArray() : Promise.resolve([] as Escalation[])),
    [] as Escalation[],
    wanted,
  )
}

/** Every escalation as stored now, for a check that must not trust what a screen last showed. */
export function readEscalationsHeld(): Promise<Escalation[]> {
  return db.escalations.toArray()
}
