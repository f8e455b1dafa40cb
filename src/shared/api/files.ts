// A spreadsheet dropped on the window (or on the dock / taskbar icon, or given to 文件 → 导入…):
// which of the app's imports it is, so the window opens that screen with the file already chosen.
import { z } from 'zod'
import { call, fileToken } from './define'

export const IMPORT_KINDS = ['customers', 'items', 'batch', 'booking'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** where each import is done: the screen (a page of the menu tree) and its import's name */
export const IMPORT_SCREENS: Record<ImportKind, { path: string; label: string }> = {
  customers: { path: '/basic/customers', label: '客户信息导入' },
  items: { path: '/basic/items', label: '项目信息导入' },
  batch: { path: '/invoice/batch', label: '批量开具' },
  booking: { path: '/invoice/booking', label: '发票入账' },
}

export const filesApi = {
  /** reads the workbook's sheets and header rows; a file that is none of the imports is refused, naming what was expected */
  'files.identify': call(z.object({ file: fileToken })).returns<{ kind: ImportKind }>(),
}
