import { mutates, type Registry } from '../../registry'
import { createForm, decideForm, getForm, issueForm, listForms, redCandidate, withdrawForm } from './service'

/** `queued`: a command entered the outbox (the sync engine sends it soon) */
export function registerRed(reg: Registry, queued: () => void): void {
  const thenSync = <T>(v: T): T => (queued(), v)
  reg.handle('red.candidate', async ({ blueNumber }, ctx) => redCandidate(await ctx.ledger(), blueNumber))
  reg.handle('red.list', async (q, ctx) => listForms(await ctx.ledger(), q))
  reg.handle('red.get', async (ref, ctx) => getForm(await ctx.ledger(), ref))
  reg.handle(
    'red.create',
    mutates(['red'], async (input, ctx) => thenSync(createForm(await ctx.ledger(), input, ctx.now()))),
  )
  reg.handle(
    'red.decide',
    mutates(['red'], async ({ id, agree, opinion }, ctx) => thenSync(decideForm(await ctx.ledger(), id, agree, opinion, ctx.now()))),
  )
  reg.handle(
    'red.withdraw',
    mutates(['red'], async ({ id }, ctx) => thenSync(withdrawForm(await ctx.ledger(), id, ctx.now()))),
  )
  reg.handle(
    'red.issue',
    mutates(['red'], async ({ id }, ctx) => thenSync(issueForm(await ctx.ledger(), id, ctx.now()))),
  )
}
