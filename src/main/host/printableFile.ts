// 打印 in the desktop shell: which file the host may hand to the system's print dialog. The renderer
// sends a token the core gave it (never a path); the token must be known to the core's file store
// and name a PDF — by its name and by its first bytes — before any window loads it. Plain Node (no
// `electron` import) so it is tested without an Electron binary.
import fs from 'node:fs'
import type { FileStore } from '../core/files/tokens'
import { AppError } from '../core/errors'

const PDF_MAGIC = '%PDF-'
/** 1 GB: far beyond any batch of invoices; a bigger file is not ours */
const MAX_BYTES = 1024 * 1024 * 1024

/** the file behind a print token: its path (main process only) and its name */
export function printableFile(files: Pick<FileStore, 'resolve'>, token: unknown): { path: string; name: string } {
  if (typeof token !== 'string' || token === '') throw new AppError('VALIDATION', '请指定要打印的文件')
  let file: { path: string; name: string }
  try {
    file = files.resolve(token)
  } catch {
    throw new AppError('NOT_FOUND', '要打印的文件已失效，请重新点击“打印”')
  }
  if (!file.name.toLowerCase().endsWith('.pdf')) throw new AppError('VALIDATION', `只能打印 PDF 文件：“${file.name}”不是 PDF 文件`)
  let head: Buffer
  try {
    const fd = fs.openSync(file.path, 'r')
    try {
      if (fs.fstatSync(fd).size > MAX_BYTES) throw new AppError('VALIDATION', `文件“${file.name}”太大，无法打印`)
      head = Buffer.alloc(PDF_MAGIC.length)
      fs.readSync(fd, head, 0, head.length, 0)
    } finally {
      fs.closeSync(fd)
    }
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('NOT_FOUND', `无法读取要打印的文件“${file.name}”，请重新点击“打印”`)
  }
  if (head.toString('latin1') !== PDF_MAGIC) throw new AppError('VALIDATION', `只能打印 PDF 文件：“${file.name}”的内容不是 PDF`)
  return file
}

/**
 * What webContents.print's callback means for the person: a cancelled dialog is no error (nothing
 * printed, nothing to say); any other failure is said in Chinese. Electron's documented reasons:
 * "Invalid printer settings", "Print job canceled", "Print job failed".
 */
export function printOutcome(success: boolean, failureReason: string): { printed: boolean } {
  if (success) return { printed: true }
  if (/cancel/i.test(failureReason)) return { printed: false }
  if (/invalid printer settings/i.test(failureReason)) throw new AppError('VALIDATION', '打印失败：打印机设置无效，请在打印对话框中选择打印机后重试')
  if (/no .*printer/i.test(failureReason)) throw new AppError('VALIDATION', '打印失败：没有可用的打印机，请先在系统中添加打印机')
  throw new AppError('INTERNAL', `打印失败：打印任务未能完成（${failureReason || '未知原因'}），请检查打印机后重试`)
}
