import type { Registry } from '../../registry'
import { queryPage } from './filter'

export function registerQuery(reg: Registry): void {
  reg.handle('invoices.query', async ({ sort, order, page, size, ...filter }, ctx) => queryPage(await ctx.ledger(), filter, { sort, order }, page, size))
}
