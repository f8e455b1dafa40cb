// Totals and computed lines while the user types, with the domain's own computeDraft. Lines are
// computed one by one and remembered while unchanged: computeDraft over 2,000 lines takes tens of
// milliseconds, too slow for every keystroke, but it computes each line on its own, so computing
// only the changed line and re-totalling (fast, in integer 分) gives the same result.
import { toRaw } from 'vue'
import { computeDraft, invoiceRows, totalsOf, type ComputedDraft, type DraftLine, type InvoiceDraft } from '../../../../shared/domain/invoice'

export function liveCompute(): (draft: InvoiceDraft) => ComputedDraft {
  const memo = new WeakMap<DraftLine, { key: string; line: DraftLine }>()
  return (draft) => {
    // the draft-wide settings that change how a line computes
    const mode = `${draft.priceIncludesTax}|${draft.taxMode}|${draft.differenceMode ?? ''}|`
    const lines = draft.lines.map((reactiveLine) => {
      const raw = toRaw(reactiveLine)
      const key = mode + JSON.stringify(raw)
      const hit = memo.get(raw)
      if (hit?.key === key) return hit.line
      const line = computeDraft({ ...toRaw(draft), lines: [raw] }).lines[0]!
      memo.set(raw, { key, line })
      return line
    })
    const computed = { ...toRaw(draft), priceIncludesTax: false as const, lines }
    return { ...computed, totals: totalsOf(invoiceRows(computed)) }
  }
}
