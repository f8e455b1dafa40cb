// The one layout of the 数电票 (DOMAIN.md §6), drawn as SVG (预览), PDF and OFD: pure, runs in the
// renderer, the core and the platform sandbox.
export { layoutInvoice } from './layout'
export { PAGE as PAPER, COLOUR as PAPER_COLOUR } from './geometry'
export { emWidth, fitText, textWidth, wrapText } from './metrics'
export { remarkText } from './remark'
export * from './types'
