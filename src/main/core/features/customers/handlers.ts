import { mutates, type Registry } from '../../registry'
import { runExport } from '../../files/tableExport'
import { runImport } from '../../files/tableImport'
import { templateFile } from '../../files/templateFile'
import { createCustomer, deleteCustomers, listCustomers, updateCustomer } from './service'
import { customerExport, customerImport, customerSheet } from './sheet'

export function registerCustomers(reg: Registry): void {
  reg.handle('customers.list', async (q, ctx) => listCustomers(await ctx.ledger(), q))
  reg.handle(
    'customers.create',
    mutates(['customers'], async (input, ctx) => createCustomer(await ctx.ledger(), input, ctx.now())),
  )
  reg.handle(
    'customers.update',
    mutates(['customers'], async (input, ctx) => updateCustomer(await ctx.ledger(), input, ctx.now())),
  )
  reg.handle(
    'customers.delete',
    mutates(['customers'], async ({ ids }, ctx) => deleteCustomers(await ctx.ledger(), ids, ctx.now())),
  )
  reg.handle('customers.template', (_input, ctx) => templateFile(ctx, customerSheet, '客户信息导入模板.xlsx'))
  reg.handle('customers.import', ({ file, jobId }, ctx) => runImport(ctx, customerImport, file, jobId))
  reg.handle('customers.export', async ({ jobId, ...q }, ctx) => runExport(ctx, customerExport(await ctx.ledger(), q), jobId))
}
