import type { Registry } from '../../registry'
import { paperOf } from './paperOf'
import { printPdf } from './service'

export function registerPaper(reg: Registry): void {
  reg.handle('invoices.paper', async (ref, ctx) => paperOf(await ctx.ledger(), ref))
  reg.handle('invoices.printPdf', async ({ refs }, ctx) => printPdf(await ctx.ledger(), ctx.files, ctx.appDir, refs))
}
