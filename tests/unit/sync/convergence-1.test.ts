// @vitest-environment node
// Share 1 of the sync convergence property's runs (harness/property.ts says what it checks); the other share is
// convergence-2.test.ts, so that two workers run them side by side.
import { convergenceProperty } from './harness/property'

convergenceProperty(1)
