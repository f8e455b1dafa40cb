// 打印 in the desktop shell, the part that runs without Electron: a print token resolves through the
// core's real file store to a PDF, or is refused in Chinese (unknown, expired, not a PDF by name or
// by content, not a token at all); and what the print dialog's answer means for the person.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileStore } from '../core/files/tokens'
import { tempDir } from '../../../tests/support/core'
import { renderInvoiceFile } from '../../documents'
import { printableFile, printOutcome } from './printableFile'
import { testInvoice } from '../../shared/domain/invoiceLayout/testInvoice'

function refusal(f: () => unknown): { code: string; message: string } {
  try {
    f()
  } catch (e) {
    return e as { code: string; message: string }
  }
  throw new Error('expected a refusal')
}

describe('打印 (desktop): which file may be printed', () => {
  it('resolves a token of a PDF the core made to its path; refuses anything else in Chinese', async () => {
    let clock = 0
    const files = createFileStore(path.join(tempDir(), 'files'), { now: () => clock })
    const pdf = await renderInvoiceFile(testInvoice(), 'pdf', { fontsDir: path.resolve('resources/fonts') })
    const made = files.put('打印-3张.pdf', pdf)
    const resolved = printableFile(files, made.token)
    expect(resolved.name).toBe('打印-3张.pdf')
    expect(fs.readFileSync(resolved.path).subarray(0, 5).toString()).toBe('%PDF-')

    expect(refusal(() => printableFile(files, 'no-such-token'))).toMatchObject({ code: 'NOT_FOUND', message: '要打印的文件已失效，请重新点击“打印”' })
    for (const bad of [undefined, null, 42, '', { token: made.token }, ['x']])
      expect(
        refusal(() => printableFile(files, bad)),
        JSON.stringify(bad),
      ).toMatchObject({ code: 'VALIDATION', message: '请指定要打印的文件' })

    const xlsx = files.put('发票列表.xlsx', Buffer.from('PK\u0003\u0004'))
    expect(refusal(() => printableFile(files, xlsx.token))).toMatchObject({ code: 'VALIDATION', message: '只能打印 PDF 文件：“发票列表.xlsx”不是 PDF 文件' })
    const fake = files.put('伪装.pdf', Buffer.from('<html>not a pdf</html>'))
    expect(refusal(() => printableFile(files, fake.token))).toMatchObject({ code: 'VALIDATION', message: '只能打印 PDF 文件：“伪装.pdf”的内容不是 PDF' })
    const empty = files.put('空.pdf', Buffer.alloc(0))
    expect(refusal(() => printableFile(files, empty.token)).message).toBe('只能打印 PDF 文件：“空.pdf”的内容不是 PDF')

    // a file gone from under its token (deleted outside the app)
    const gone = files.put('已删除.pdf', pdf)
    fs.rmSync(files.resolve(gone.token).path)
    expect(refusal(() => printableFile(files, gone.token))).toMatchObject({ code: 'NOT_FOUND', message: '无法读取要打印的文件“已删除.pdf”，请重新点击“打印”' })

    // a token unused for an hour is forgotten: printing it is refused like an unknown one
    clock += 61 * 60 * 1000
    expect(refusal(() => printableFile(files, made.token)).code).toBe('NOT_FOUND')
    files.close()
  })

  it('a cancelled print dialog is no error; a failed print is said in Chinese', () => {
    expect(printOutcome(true, '')).toEqual({ printed: true })
    expect(printOutcome(false, 'Print job canceled')).toEqual({ printed: false })
    expect(refusal(() => printOutcome(false, 'Invalid printer settings'))).toMatchObject({
      code: 'VALIDATION',
      message: '打印失败：打印机设置无效，请在打印对话框中选择打印机后重试',
    })
    expect(refusal(() => printOutcome(false, 'Print job failed'))).toMatchObject({
      code: 'INTERNAL',
      message: '打印失败：打印任务未能完成（Print job failed），请检查打印机后重试',
    })
  })
})
