import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app.ts'
import { describeViolations, seriousA11yViolations } from './a11y.ts'
import { AppShell } from './pages/AppShell.ts'
import { loadUnderServiceWorker } from './serviceWorker.ts'

// This spec releases a "new version" mid-test, so it serves its own copy of dist/
// rather than the shared server: changing sw.js there would upset other tests.
let dist: string
let server: FastifyInstance
let origin: string

// Byte-different from the current worker (so the browser installs it) and able to say
// which release it is, so the test can prove the new worker took over.
const NEXT_RELEASE = `
self.addEventListener('message', (event) => {
  if (event.data === 'e2e:which-release' && event.ports[0]) event.ports[0].postMessage('next')
})
`

test.beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'lim-huddle-e2e-dist-'))
  cpSync('dist', dist, { recursive: true })
  server = await buildApp({ distDir: dist, version: 'e2e' })
  await server.listen({ host: '127.0.0.1', port: 0 })
  const address = server.server.address()
  if (!address || typeof address === 'string') throw new Error('server has no port')
  origin = `http://127.0.0.1:${address.port}`
})

test.afterAll(async () => {
  await server?.close()
  rmSync(dist, { recursive: true, force: true })
})

test('a waiting new version is offered, and "Update now" reloads into it', async ({ page }) => {
  const shell = new AppShell(page)
  await loadUnderServiceWorker(page, `${origin}/`)
  await expect(shell.productName).toBeVisible()
  await expect(shell.updatePrompt).toHaveCount(0)

  appendFileSync(join(dist, 'sw.js'), NEXT_RELEASE)
  // What the 30-minute timer and the visibility/online triggers do.
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update()
  })

  await expect(shell.updatePrompt).toBeVisible()
  await expect(shell.updatePrompt).toContainText('A new version of LIM Huddle is ready. Your work is saved.')
  await expect(shell.laterButton).toBeVisible()
  const violations = await seriousA11yViolations(page, { include: ['[data-testid="update-prompt"]'] })
  expect(violations, describeViolations(violations)).toEqual([])
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(
    true,
  )

  await page.evaluate(() => sessionStorage.setItem('e2e:same-tab', 'kept'))
  const reloaded = page.waitForEvent('load')
  await shell.updateNowButton.click()
  await reloaded

  await expect(shell.productName).toBeVisible()
  await expect(shell.updatePrompt).toHaveCount(0)
  const after = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration()
    const controller = navigator.serviceWorker.controller
    const release = controller
      ? await new Promise<string>((resolve) => {
          const channel = new MessageChannel()
          channel.port1.onmessage = (event) => resolve(String(event.data))
          controller.postMessage('e2e:which-release', [channel.port2])
          setTimeout(() => resolve('no answer (old worker)'), 5000)
        })
      : 'no controller'
    return { waiting: registration?.waiting ?? null, release, session: sessionStorage.getItem('e2e:same-tab') }
  })
  expect(after).toEqual({ waiting: null, release: 'next', session: 'kept' })
})

test('"Later" puts the banner away until the next load', async ({ page }) => {
  const shell = new AppShell(page)
  await loadUnderServiceWorker(page, `${origin}/`)
  // The previous test's worker may already be the current one; release another.
  appendFileSync(join(dist, 'sw.js'), `\n// e2e: release ${Date.now()}\n`)
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update()
  })
  await expect(shell.updatePrompt).toBeVisible()
  await shell.laterButton.click()
  await expect(shell.updatePrompt).toHaveCount(0)

  await page.reload()
  await expect(shell.updatePrompt).toBeVisible()
})
