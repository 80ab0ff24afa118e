// The organisation this tablet holds (trusts, CSUs, units, boards), read live.
import type { Board, Csu, Trust, Unit } from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export interface Organisation {
  trusts: Trust[]
  csus: Csu[]
  /** By name, as every picker lists them. */
  units: Unit[]
  boards: Board[]
}

export const NO_ORGANISATION: Organisation = { trusts: [], csus: [], units: [], boards: [] }

export async function readOrganisation(): Promise<Organisation> {
  return db.transaction('r', [db.trusts, db.csus, db.units, db.boards], async () => {
    const [trusts, csus, units, boards] = await Promise.all([
      db.trusts.toArray(),
      db.csus.toArray(),
      db.units.toArray(),
      db.boards.toArray(),
    ])
    return { trusts, csus, units: units.sort((x, y) => x.name.localeCompare(y.name)), boards }
  })
}

export function useOrganisation() {
  return useLiveQuery(readOrganisation, NO_ORGANISATION)
}

export function unitById(unitId: string): Promise<Unit | undefined> {
  return db.units.get(unitId)
}
