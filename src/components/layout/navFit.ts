// How many of the header's links fit on its row, in order, with a "More" button for the
// rest. Pure, so it is tested with tables rather than a browser.

/**
 * @param widths  each link's width in px, in the order they are shown
 * @param available  the width the nav may use
 * @param moreWidth  the width of the "More" button, needed only if some links do not fit
 * @param gap  space between neighbouring items
 */
export function linksThatFit(widths: number[], available: number, moreWidth: number, gap = 0): number {
  const total = widths.reduce((sum, w) => sum + w, 0) + gap * Math.max(0, widths.length - 1)
  if (total <= available) return widths.length
  let used = moreWidth
  let count = 0
  for (const width of widths) {
    const next = used + gap + width
    if (next > available) break
    used = next
    count += 1
  }
  return count
}
