import { expect, type Page } from '@playwright/test'

/** Waits for the service worker to finish installing (precache complete). */
async function waitForServiceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
}

/**
 * Loads the page, waits for the worker, and reloads so the page is controlled by it:
 * a worker never controls the load that registered it ('prompt' mode, no clientsClaim).
 */
export async function loadUnderServiceWorker(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await waitForServiceWorkerReady(page)
  await page.reload()
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
}
