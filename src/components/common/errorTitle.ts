// The NHS pattern puts "Error: " before the page title while a form shows errors. More
// than one summary can be on screen (a dialog over a form), so the prefix stays while any
// of them shows errors.
const PREFIX = 'Error: '
const showing = new Set<symbol>()

/** The page title with the error prefix added (once) or taken away. */
export function withErrorTitle(title: string, showingErrors: boolean): string {
  const plain = title.startsWith(PREFIX) ? title.slice(PREFIX.length) : title
  return showingErrors ? `${PREFIX}${plain}` : plain
}

/** Records whether `summary` shows errors and sets the document's title to match. */
export function markErrors(summary: symbol, showingErrors: boolean): void {
  if (showingErrors) showing.add(summary)
  else showing.delete(summary)
  document.title = withErrorTitle(document.title, showing.size > 0)
}
