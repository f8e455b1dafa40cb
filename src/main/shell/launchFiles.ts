// The spreadsheets a start was asked to open: Windows (and Linux) pass a file opened on the
// taskbar icon or with 打开方式 as an argument — to the first start, or to the second start the
// single-instance lock turns away, whose argv the first receives. macOS sends open-file instead.
import fs from 'node:fs'
import path from 'node:path'

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
