import { mutates, type Registry } from '../../registry'
import { guideStatus, invoiceDefaults, setGuide, setInvoiceDefaults } from './service'

export function registerFirstDay(reg: Registry): void {
  reg.handle('settings.defaults.get', async (_input, ctx) => invoiceDefaults(await ctx.ledger()))
  reg.handle(
    'settings.defaults.set',
    mutates(['company'], async (input, ctx) => setInvoiceDefaults(await ctx.ledger(), input, ctx.now())),
  )
  reg.handle('guide.status', async (_input, ctx) => guideStatus(await ctx.ledger()))
  reg.handle('guide.set', async (input, ctx) => setGuide(await ctx.ledger(), input))
}
