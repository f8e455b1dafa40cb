// The two 数电票 票种 this app issues and receives. A leaf: the draft's types and the rate rules both
// read it.
export const INVOICE_KINDS = [
  { code: '81', name: '电子发票（增值税专用发票）', short: '数电专票' },
  { code: '82', name: '电子发票（普通发票）', short: '数电普票' },
] as const
export type InvoiceKind = (typeof INVOICE_KINDS)[number]['code']
export const SPECIAL_INVOICE: InvoiceKind = '81'
