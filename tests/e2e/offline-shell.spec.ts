import { expect, test, type Request } from '@playwright/test'
import { AppShell } from './pages/AppShell.ts'
import { loadUnderServiceWorker } from './serviceWorker.ts'

test('the app shell opens with no network once the service worker has it', async ({ page, context }) => {
  await loadUnderServiceWorker(page, '/')
  const shell = new AppShell(page)
  await expect(shell.productName).toBeVisible()
  // The page registers its worker once it is idle (workbox-window): a fetch still under way when the reload
  // below starts is cut off by that reload, not refused offline.
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((entry) => entry.name.includes('workbox-window')),
  )

  const failed: string[] = []
  const notFromWorker: string[] = []
  const onFailed = (request: Request) => {
    // The sync client calling /api while offline is expected to fail; the app must not.
    if (!new URL(request.url()).pathname.startsWith('/api/'))
      failed.push(`${request.url()} (${request.failure()?.errorText})`)
  }
  page.on('requestfailed', onFailed)
  page.on('response', (response) => {
    const { origin, pathname } = new URL(response.url())
    if (origin === new URL(page.url()).origin && !pathname.startsWith('/api/') && !response.fromServiceWorker()) {
      notFromWorker.push(response.url())
    }
  })

  await context.setOffline(true)
  await page.reload()

  await expect(shell.productName).toBeVisible()
  await expect(page.locator('#main-content')).not.toBeEmpty()
  await expect(shell.networkStatus).toContainText('Offline')
  expect(await page.evaluate(() => navigator.onLine)).toBe(false)
  expect(failed, 'requests that tried the network and failed').toEqual([])
  expect(notFromWorker, 'responses not served by the service worker').toEqual([])
})

test('a deep link opens offline too (navigation fallback to the precached index.html)', async ({ page, context }) => {
  await loadUnderServiceWorker(page, '/')
  await context.setOffline(true)
  const response = await page.goto('/board/huddle')
  expect(response?.fromServiceWorker()).toBe(true)
  await expect(page).toHaveTitle(/LIM Huddle/)
})

test('says once, on the first visit, that the app now works offline', async ({ page }) => {
  const shell = new AppShell(page)
  await page.goto('/')
  // The notice waits for the worker to precache every file, which takes far longer than
  // 10 s on a busy two-core machine.
  await expect(shell.offlineReady).toBeVisible({ timeout: 60_000 })
  await expect(shell.offlineReady).toContainText('LIM Huddle now works offline on this tablet')
  await shell.offlineReady.getByRole('button', { name: 'OK' }).click()
  await expect(shell.offlineReady).toHaveCount(0)

  await page.reload()
  await expect(shell.productName).toBeVisible()
  await expect(shell.offlineReady).toHaveCount(0)
})
