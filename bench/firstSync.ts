// `npm run bench:first-sync`: a big ward's first sync on a fresh tablet (two years of 20 measures, the huddles held,
// 500 ideas, 300 checklist runs; bench/syncData.ts BIG_WARD), timed in Chromium from the first request of the sync
// round to the last page committed, against raw Dexie bulkPut of the same records in the same profile and run
// (bench/syncClient.ts). `-- --page-sizes=500,1000` runs it at each pull page size. Prints figures; not a test.
import { benchFreshTablet } from './syncClient.ts'
import { BIG_WARD, buildBigWardRecords } from './syncData.ts'

const pageSizes = (
  /^--page-sizes?=([\d,]+)$/.exec(process.argv.find((a) => a.startsWith('--page-size')) ?? '')?.[1] ?? ''
)
  .split(',')
  .filter(Boolean)
  .map(Number)
try {
  await benchFreshTablet([1], pageSizes.length > 0 ? pageSizes : undefined, {
    label: `a big ward (${BIG_WARD.days} days × 20 measures, ${BIG_WARD.ideas} ideas, ${BIG_WARD.runs} checklist runs, ${BIG_WARD.actions} actions)`,
    build: (unitId) => buildBigWardRecords(unitId),
  })
} catch (error) {
  console.error(`\nFirst sync of a big ward: could not run: ${(error as Error).stack ?? (error as Error).message}`)
  process.exitCode = 1
}
