import { mutates, type Registry } from '../../registry'
import { copyInvoice, deleteDrafts, getInvoice, issueInvoice, listInvoices, saveDraft, validateInvoice } from './service'

/** `queued`: an invoice entered the outbox (the sync engine sends it soon) */
export function registerInvoices(reg: Registry, queued: () => void): void {
  reg.handle(
    'invoices.saveDraft',
    mutates(['invoices'], async ({ id, draft, check }, ctx) => saveDraft(await ctx.ledger(), id, draft, ctx.now(), check)),
  )
  reg.handle('invoices.validate', async ({ draft }, ctx) => validateInvoice(await ctx.ledger(), draft, ctx.now()))
  reg.handle('invoices.list', async (q, ctx) => listInvoices(await ctx.ledger(), q))
  reg.handle('invoices.get', async ({ id }, ctx) => getInvoice(await ctx.ledger(), id, ctx.now()))
  reg.handle(
    'invoices.copy',
    mutates(['invoices'], async ({ id }, ctx) => copyInvoice(await ctx.ledger(), id, ctx.now())),
  )
  reg.handle(
    'invoices.deleteDrafts',
    mutates(['invoices'], async ({ ids }, ctx) => deleteDrafts(await ctx.ledger(), ids, ctx.now())),
  )
  reg.handle(
    'invoices.issue',
    mutates(['invoices'], async ({ id }, ctx) => {
      const r = issueInvoice(await ctx.ledger(), id, ctx.now())
      queued()
      return r
    }),
  )
}
