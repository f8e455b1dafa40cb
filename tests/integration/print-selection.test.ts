// 打印 of 发票查询's selection: the ticked invoices (or all that match) as one PDF, each from a new
// page, read back with pdftotext — a queued invoice too (its provisional copy, as 预览 shows it);
// ticks that are gone, or both/neither of refs and selection, are refused in Chinese.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { OTHER, rejection, testCore } from '../support/core'

describe('打印 of the selection', () => {
  it('prints the ticked invoices, or all that match, as one PDF', async () => {
    const core = await testCore()
    const buyers = ['华为技术有限公司', OTHER.name, '上海示例贸易有限公司']
    const ids: number[] = []
    for (const name of buyers) {
      const { id } = await core.call('invoices.saveDraft', { draft: testDraft({ buyer: { ...testDraft().buyer, name } }) })
      await core.call('invoices.issue', { id })
      ids.push(id)
    }
    const ticked = await core.call('invoices.printPdf', { selection: { filter: { side: '销项' }, keys: [`S:${ids[0]}`, `S:${ids[2]}`] } })
    expect(ticked).toMatchObject({ name: '打印发票-2张.pdf', pages: 2 })
    const text = execFileSync('pdftotext', [core.files.resolve(ticked.token).path, '-'], { encoding: 'utf8' })
    expect(text).toContain(buyers[0])
    expect(text).toContain(buyers[2])
    expect(text).not.toContain(buyers[1])

    expect(await core.call('invoices.printPdf', { selection: { filter: { side: '销项' } } })).toMatchObject({ pages: 3 })

    expect(await rejection(core.call('invoices.printPdf', { selection: { filter: { side: '销项' }, keys: ['S:999'] } }))).toMatchObject({
      code: 'NOT_FOUND',
      message: '所选发票已不在查询结果中：请刷新列表后重新选择',
    })
    for (const input of [{}, { refs: [{ id: ids[0]! }], selection: { filter: { side: '销项' } } }])
      expect((await rejection(core.call('invoices.printPdf', input as never))).message).toMatch(/请指定要打印的发票：发票列表（refs）或查询的选择（selection）二选一/)
  })
})
