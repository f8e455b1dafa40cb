// The spreadsheets a start was asked to open: Windows (and Linux) pass a file opened on the
// taskbar icon or with 打开方式 as an argument — to the first start, or to the second start the
// single-instance lock turns away, whose argv the first receives. macOS sends open-file instead.
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../core/errors'

/** the spreadsheets the imports read (an .xlsx is what a bookkeeper drops; .xls and .csv read too) */
export const OPENABLE = /\.(xlsx|xls|csv)$/i

/** the existing spreadsheet files among the arguments, as absolute paths (flags and the app's own path skipped) */
export function openableFiles(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((a) => !a.startsWith('-') && OPENABLE.test(a))
    .map((a) => path.resolve(cwd, a))
    .filter((p) => {
      try {
        return fs.statSync(p).isFile()
      } catch {
        return false
      }
    })
}

/** a path the window says was dropped on it: only an existing spreadsheet file is taken */
export function droppedPath(p: unknown): string {
  if (typeof p !== 'string' || !path.isAbsolute(p)) throw new AppError('VALIDATION', '无法读取拖入的文件：请从文件夹中拖入一个 Excel 或 CSV 文件')
  if (!OPENABLE.test(p)) throw new AppError('VALIDATION', `只能拖入 .xlsx、.xls 或 .csv 文件（拖入的是「${path.basename(p)}」）`)
  if (openableFiles([p], path.dirname(p)).length === 0) throw new AppError('NOT_FOUND', `找不到文件「${path.basename(p)}」：它可能已被移动或删除`)
  return p
}
