import type { Registry } from '../../registry'
import { exportInvoices } from './invoiceExport'
import { invoiceTotals } from './summary'
import { writeSummary } from './summarySheet'

export function registerExport(reg: Registry): void {
  reg.handle('invoices.export', (input, ctx) => exportInvoices(ctx, input))
  reg.handle('invoices.summary', async (period, ctx) => await invoiceTotals(await ctx.ledger(), period))
  reg.handle('invoices.summaryExport', async (period, ctx) => {
    const report = await invoiceTotals(await ctx.ledger(), period)
    const out = ctx.files.output(`发票汇总_${period.from}_${period.to}.xlsx`)
    await writeSummary(report, out.path)
    return { file: { token: out.token, name: out.name }, count: report.sides.reduce((n, s) => n + s.total.net.count, 0) }
  })
}
