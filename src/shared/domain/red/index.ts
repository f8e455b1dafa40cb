// Red-invoice rules (DOMAIN.md §4), pure and shared: the client prefills and checks the 确认单 with
// them before sending; the platform sandbox checks again and builds the red invoice.
export { checkRedLines, type RedCheckOptions, type RedIssue, type RedLinesCheck } from './checkLines'
export { followingTax, followRedLine, redLineOf } from './follow'
export {
  buyerHasActed,
  type BuyerActs,
  DIFFERENCE_WHOLE_ONLY,
  DIRECT_PATH_ALLOWS_PARTIAL,
  isBooked,
  NOTHING_LEFT,
  RED_CONFIRM_HOURS,
  RED_CONFIRM_MS,
  RED_REMARK_MAX,
  starterProblem,
} from './policy'
export { redInvoiceDraft, redRemark, redRemarkProblem, type RedRefs } from './redDraft'
export { RED_STATUS_LABELS, redStatusAfter } from './redStatus'
export { nothingLeft, reversible, type Reversible, type ReversibleLine } from './reversible'
