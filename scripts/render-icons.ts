// One-off: renders the app icons in public/icons/ from public/favicon.svg with Chromium.
// Run `npm run icons` after changing the favicon and commit the PNGs; the build does
// not run this.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const root = fileURLToPath(new URL('..', import.meta.url))
const favicon = readFileSync(`${root}public/favicon.svg`, 'utf8')

// favicon.svg is a 32×32 rounded blue square (the first <rect>) with the mark on top.
const match = /^<svg[^>]*viewBox="0 0 32 32"[^>]*>\s*(<rect[^>]*\/>)([\s\S]*)<\/svg>\s*$/.exec(favicon.trim())
if (!match)
  throw new Error('public/favicon.svg is no longer "<svg viewBox=0 0 32 32><rect .../>mark</svg>": update this script')
const [, roundedSquare, mark] = match as unknown as [string, string, string]
const fill = /fill="([^"]+)"/.exec(roundedSquare)?.[1] ?? '#005eb8'

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="100%" height="100%">${body}</svg>`

const icons = [
  // Browsers and Android "any" icons: the favicon as it is, transparent corners.
  { file: 'icon-192.png', size: 192, svg: svg(roundedSquare + mark), transparent: true },
  { file: 'icon-512.png', size: 512, svg: svg(roundedSquare + mark), transparent: true },
  // iOS rounds the corners itself and turns transparency black: full-bleed square.
  {
    file: 'icon-180.png',
    size: 180,
    svg: svg(`<rect width="32" height="32" fill="${fill}"/>${mark}`),
    transparent: false,
  },
  // Android masks to any shape inside the central circle of radius 40%: full-bleed
  // background, and the mark shrunk about the centre so it sits well inside that circle.
  {
    file: 'icon-512-maskable.png',
    size: 512,
    svg: svg(
      `<rect width="32" height="32" fill="${fill}"/><g transform="translate(16 16) scale(0.8) translate(-16 -16)">${mark}</g>`,
    ),
    transparent: false,
  },
]

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  for (const icon of icons) {
    await page.setViewportSize({ width: icon.size, height: icon.size })
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;width:100%;height:100%;background:transparent}svg{display:block}</style>${icon.svg}`,
    )
    await page.screenshot({ path: `${root}public/icons/${icon.file}`, omitBackground: icon.transparent })
    console.log(`public/icons/${icon.file} (${icon.size}×${icon.size})`)
  }
} finally {
  await browser.close()
}
