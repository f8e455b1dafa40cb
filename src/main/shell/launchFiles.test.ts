import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openableFiles } from './launchFiles'

describe('the files a start was asked to open', () => {
  it('keeps existing spreadsheets (relative to the start’s folder), skips flags, the app, folders and missing files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-argv-'))
    try {
      fs.writeFileSync(path.join(dir, '客户.XLSX'), 'x')
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'x')
      fs.mkdirSync(path.join(dir, 'folder.xlsx'))
      const argv = ['C:\\Program Files\\票税通\\票税通.exe', '--allow-file-access-from-files', '客户.XLSX', 'notes.txt', 'folder.xlsx', '缺失.xlsx', '--flag=a.xlsx']
      expect(openableFiles(argv, dir)).toEqual([path.join(dir, '客户.XLSX')])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
