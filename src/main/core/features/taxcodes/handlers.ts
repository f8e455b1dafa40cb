import { mutates, type Registry } from '../../registry'
import { recordAudit } from '../audit/service'
import { matchTaxCodes } from './matching'
import { childrenOf, getTaxCode, importTable, parseTable, pathTo, tableInfo, taxCodeIndex } from './service'

export function registerTaxcodes(reg: Registry): void {
  reg.handle('taxcodes.search', async ({ text, top }, ctx) => taxCodeIndex(await ctx.ledger()).search(text, top))
  reg.handle('taxcodes.match', async ({ name, top }, ctx) => matchTaxCodes(await ctx.ledger(), name, top))
  reg.handle('taxcodes.children', async ({ parent }, ctx) => childrenOf(await ctx.ledger(), parent))
  reg.handle('taxcodes.get', async ({ code }, ctx) => getTaxCode(await ctx.ledger(), code))
  reg.handle('taxcodes.path', async ({ code }, ctx) => pathTo(await ctx.ledger(), code))
  reg.handle('taxcodes.info', async (_input, ctx) => tableInfo(await ctx.ledger()))
  reg.handle(
    'taxcodes.import',
    mutates(['taxcodes'], async ({ file, jobId }, ctx) => {
      const ledger = await ctx.ledger()
      const job = ctx.jobs.start(jobId)
      try {
        job.progress(0, 1, '读取文件')
        const { name, bytes } = ctx.files.read(file)
        const parsed = parseTable(bytes, name)
        job.checkpoint()
        const now = ctx.now()
        importTable(ledger, parsed, now, (db) =>
          recordAudit(db, now, {
            action: 'import',
            entity: 'taxcode',
            summary: `导入税收分类编码表（${name}）：${parsed.rows.length} 条`,
          }),
        )
        job.progress(1, 1, '完成')
        return tableInfo(ledger)
      } finally {
        job.end()
      }
    }),
  )
}
