// Saving a file from the page: a CSV blob or a chart image. Kept out of the components
// so both exports name and clean up their links the same way.

export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  downloadUrl(url, fileName)
  // Let the download start before the URL is let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A file name people can read: "Falls - Ward 7 - weekly.csv". */
export function fileNameOf(parts: readonly string[], extension: string): string {
  const base = parts
    .filter(Boolean)
    .join(' - ')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return `${base || 'trend'}.${extension}`
}
