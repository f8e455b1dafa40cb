import { mutates, type Registry } from '../../registry'
import { runExport } from '../../files/tableExport'
import { runImport } from '../../files/tableImport'
import { templateFile } from '../../files/templateFile'
import { createItem, deleteItems, itemCategories, listItems, updateItem } from './service'
import { itemExport, itemImport, itemSheet } from './sheet'

export function registerItems(reg: Registry): void {
  reg.handle('items.list', async (q, ctx) => listItems((await ctx.ledger()).orm, q))
  reg.handle('items.categories', async (_q, ctx) => itemCategories((await ctx.ledger()).orm))
  reg.handle(
    'items.create',
    mutates(['items'], async (input, ctx) => createItem(await ctx.ledger(), input, ctx.now())),
  )
  reg.handle(
    'items.update',
    mutates(['items'], async (input, ctx) => updateItem(await ctx.ledger(), input, ctx.now())),
  )
  reg.handle(
    'items.delete',
    mutates(['items'], async ({ ids }, ctx) => deleteItems(await ctx.ledger(), ids, ctx.now())),
  )
  reg.handle('items.template', (_input, ctx) => templateFile(ctx, itemSheet, '项目信息导入模板.xlsx'))
  reg.handle('items.import', ({ file, jobId }, ctx) => runImport(ctx, itemImport, file, jobId))
  reg.handle('items.export', async ({ jobId, ...q }, ctx) => runExport(ctx, itemExport(await ctx.ledger(), q), jobId))
}
