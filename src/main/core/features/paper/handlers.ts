import { PRINT_MAX, PRINT_TOO_MANY } from '../../../../shared/api/invoicePaper'
import type { Registry } from '../../registry'
import { selectionRefs } from '../query/selectionRefs'
import { paperOf } from './paperOf'
import { printPdf } from './service'

export function registerPaper(reg: Registry): void {
  reg.handle('invoices.paper', async (ref, ctx) => paperOf(await ctx.ledger(), ref))
  reg.handle('invoices.printPdf', async ({ refs, selection }, ctx) => {
    const ledger = await ctx.ledger()
    const chosen = refs ?? selectionRefs(ledger, selection!, PRINT_MAX, PRINT_TOO_MANY).map((r) => r.ref)
    return printPdf(ledger, ctx.files, ctx.appDir, chosen)
  })
}
