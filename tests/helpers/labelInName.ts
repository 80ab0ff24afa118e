// WCAG 2.5.3 label in name: a voice user says what they see ("Move up"), so a control's
// accessible name must start with its visible words. Lists the controls whose aria-label
// does not. Controls that show only an icon or a symbol (no letters) are left out. Runs in
// jsdom and, as the source of a function, in the browser (see tests/e2e/a11y.ts).
export function labelInNameProblems(root: ParentNode = document): string[] {
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()
  function visibleText(node: Node): string {
    if (node.nodeType === 3) return node.textContent ?? ''
    if (!(node instanceof Element)) return ''
    if (node.getAttribute('aria-hidden') === 'true' || node.classList.contains('nhsuk-u-visually-hidden')) return ''
    return Array.from(node.childNodes).map(visibleText).join('')
  }
  const problems: string[] = []
  for (const control of Array.from(
    root.querySelectorAll('button[aria-label], a[aria-label], [role="button"][aria-label]'),
  )) {
    const label = squash(control.getAttribute('aria-label') ?? '')
    const visible = squash(visibleText(control))
    if (!/\p{L}/u.test(visible)) continue
    if (!label.startsWith(visible)) problems.push(`"${control.getAttribute('aria-label')}" shows "${visible}"`)
  }
  return problems
}
