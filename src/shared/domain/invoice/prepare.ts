// prepareDraft: compute then validate, the single call the issuing screen, the core and the CLI make
// on a draft, and the unit the benchmarks time.
import { computeDraft } from './compute'
import type { ComputedDraft, DraftContext, DraftIssue, InvoiceDraft } from './types'
import { validateDraft } from './validate'

export function prepareDraft(draft: InvoiceDraft, ctx?: DraftContext): { draft: ComputedDraft; issues: DraftIssue[] } {
  const computed = computeDraft(draft)
  return { draft: computed, issues: validateDraft(computed, ctx) }
}
