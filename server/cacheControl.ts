// How long browsers may keep each file. Vite fingerprints everything it emits into
// /assets/ (name-HASH.ext), so those never change and can be cached for a year. Every
// other file keeps its name across releases (index.html, the service worker, the
// manifest, icons), so the browser must revalidate it each time or a tablet could
// sit on an old release.
const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

// Only direct children of /assets/: files under /assets/images/ come from public/
// unhashed (the NHS icons) and must not be pinned for a year.
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/

/** The Cache-Control header for a file, given its path relative to the site root ('/assets/index-AbC12345.js'). */
export function cacheControlFor(sitePath: string): string {
  return HASHED_ASSET.test(sitePath) ? IMMUTABLE : REVALIDATE
}
