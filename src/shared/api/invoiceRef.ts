// Which invoice a call is about — 预览, 打印, 交付: a 销项 by its ledger id (it may not have a number
// yet), or any invoice of this company, 销项 or 进项, by its 20-digit 发票号码. One of the two: each
// refusal says which field is wrong, and the core receives exactly one.
import { z } from 'zod'

export const invoiceRef = z
  .object({
    id: z.number().int().positive().optional(),
    number: z
      .string()
      .trim()
      .regex(/^\d{20}$/, '发票号码应为 20 位数字')
      .optional(),
  })
  .strict()
  .refine((r) => (r.id === undefined) !== (r.number === undefined), { message: '请指定一张发票：编号（id）或发票号码（number）二选一' })
  .transform((r): { id: number } | { number: string } => (r.id !== undefined ? { id: r.id } : { number: r.number! }))

/** as a caller names it */
export type InvoiceRef = z.input<typeof invoiceRef>
/** as the core receives it: exactly one of the two */
export type ParsedInvoiceRef = z.output<typeof invoiceRef>
