// Builders for SPC test series: consecutive days from a start day, values as given
// (null = a gap).
import type { SpcInputPoint } from '@/domain/spc/types'

export function dayAfter(start: string, days: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

export function daily(values: readonly (number | null)[], start = '2026-01-01'): SpcInputPoint[] {
  return values.map((value, i) => ({ period: dayAfter(start, i), value }))
}

export const repeat = <T>(value: T, n: number): T[] => Array<T>(n).fill(value)

/** 14 points alternating about 11 (mean 11, moving range 2), ending below the mean. */
export const BASE_ENDS_LOW: number[] = [12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10]
/** The same, ending above the mean. */
export const BASE_ENDS_HIGH: number[] = BASE_ENDS_LOW.map((v) => 22 - v)

/** Reflect a series about 11, turning "above" into "below" and "rising" into "falling". */
export const mirror = (values: readonly number[]): number[] => values.map((v) => 22 - v)
