// The first day: 开票默认值 for a new invoice (per company), and the 新手引导 — three steps that tick
// themselves from the ledger (customers exist, an invoice issued, 发票查询 opened after that).
import { z } from 'zod'
import { call } from './define'
import { INVOICE_KINDS, type InvoiceKind } from '../domain/invoice/kinds'

export interface InvoiceDefaults {
  /** 票种 of a new invoice: '81' 数电专票, '82' 数电普票 */
  kind: InvoiceKind
  /** 含税: unit prices and amounts of a new invoice are typed with tax */
  priceIncludesTax: boolean
}

export const invoiceDefaultsInput = z.object({
  kind: z.enum(['81', '82'], { error: `默认票种应为 ${INVOICE_KINDS.map((k) => k.short).join(' 或 ')}` }),
  priceIncludesTax: z.boolean({ error: '默认含税应为 是 或 否' }),
})

export type GuideStep = 'customers' | 'issue' | 'query'

export interface GuideStatus {
  /** 不再显示 was chosen for this company (it can be opened again from 设置) */
  dismissed: boolean
  /** each step, done or not, as the ledger says */
  done: Record<GuideStep, boolean>
}

export const firstDayApi = {
  'settings.defaults.get': call(z.object({}).optional()).returns<InvoiceDefaults>(),
  'settings.defaults.set': call(invoiceDefaultsInput).returns<InvoiceDefaults>(),
  'guide.status': call(z.object({}).optional()).returns<GuideStatus>(),
  /** dismissed: hide or show the panel again; queryViewed: 发票查询 was opened with an issued invoice in it */
  'guide.set': call(z.object({ dismissed: z.boolean().optional(), queryViewed: z.literal(true).optional() })).returns<GuideStatus>(),
}
