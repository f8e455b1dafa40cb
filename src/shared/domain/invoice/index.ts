// The invoice domain's public surface (issue #3 §1): the draft format, its arithmetic, totals, 大写,
// and validation — pure, shared by the renderer, the core and the platform sandbox.
export { amountInWords } from './amountInWords'
export { computeDraft, isDifferenceSale } from './compute'
export { deriveFactor, differenceSplit, differenceTaxOfExclusive, discountTaxOf, lineAmount, splitInclusive, taxOf } from './lineMath'
export {
  Dec,
  decimalPlaces,
  fenOf,
  fenOfText,
  formatFitted,
  formatMoney,
  isBlank,
  moneyFromFen,
  parseDecimal,
  parseMoney,
  QUANTITY_MAX_CHARS,
  QUANTITY_MAX_DECIMALS,
  roundFen,
} from './money'
export { prepareDraft } from './prepare'
export { invoiceRows, ROW_NATURES, type InvoiceRow, type RowNature } from './rows'
export { sampleDraft } from './sample'
export { totalsOf } from './totals'
export * from './kinds'
export * from './types'
export { LIMITS, rateIssues, TOLERANCE, validateDraft } from './validate'
