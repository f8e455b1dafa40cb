// Shared by the Excel tests: a customers spec like the real one, and throwaway folders for real files.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SheetSpec } from './spec'

export const customersSpec: SheetSpec = {
  sheetName: '客户信息',
  title: '客户信息导入模板',
  instructions: ['第一行是表头，请勿修改列名。', '带 * 的列必须填写。'],
  columns: [
    { key: 'name', header: '名称', synonyms: ['客户名称', '购买方名称'], required: true, width: 30 },
    { key: 'kind', header: '客户类型', options: ['企业', '自然人'], required: true, note: '企业或自然人' },
    {
      key: 'taxId',
      header: '统一社会信用代码/纳税人识别号',
      synonyms: ['税号', '纳税人识别号', '统一社会信用代码', '购买方纳税人识别号'],
      text: true,
      note: '18 位统一社会信用代码，或 15、17、20 位纳税人识别号',
    },
    { key: 'rate', header: '税率', synonyms: ['征收率'] },
    { key: 'email', header: '邮箱', synonyms: ['电子邮箱', 'E-mail'] },
    { key: 'account', header: '银行账号', text: true },
    { key: 'since', header: '建档日期' },
  ],
}

/** Runs `fn` with a fresh temporary folder, removed afterwards. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'fapiao-excel-'))
  try {
    return await fn(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
