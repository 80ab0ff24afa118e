// @vitest-environment node
// Share 2 of the sync convergence property's runs (harness/property.ts says what it checks); the other share is
// convergence-1.test.ts, so that two workers run them side by side.
import { convergenceProperty } from './harness/property'

convergenceProperty(2)
