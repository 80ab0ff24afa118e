// A pressed button that is disabled while its save runs loses keyboard focus to the page
// (Chromium moves focus to <body>), so a keyboard or switch user starts again from the top.
// This watches a button for ever becoming disabled.
export function watchDisabled(button: Element) {
  let everDisabled = false
  const observer = new MutationObserver(() => {
    if ((button as HTMLButtonElement).disabled) everDisabled = true
  })
  observer.observe(button, { attributes: true, attributeFilter: ['disabled'] })
  return {
    stop() {
      observer.disconnect()
      return everDisabled
    },
  }
}
