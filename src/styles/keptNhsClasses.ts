// NHS.UK class names the app builds at run time (`nhsuk-tag--${colour}`), which no source
// file spells out whole: the build's unused-CSS step (vite.config.ts) keeps every class
// starting with one of these. tests/unit/conventions/nhsClassNames.test.ts finds any new one.
export const KEPT_NHS_CLASS_PREFIXES = ['nhsuk-tag--', 'nhsuk-label--'] as const
