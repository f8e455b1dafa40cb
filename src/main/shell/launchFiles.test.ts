import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { droppedPath, openableFiles } from './launchFiles'

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

describe('a file dropped on the window', () => {
  it('is taken when it is an existing spreadsheet, refused in Chinese otherwise', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-drop-'))
    try {
      const xlsx = path.join(dir, '客户.xlsx')
      fs.writeFileSync(xlsx, 'x')
      fs.writeFileSync(path.join(dir, '发票.pdf'), 'x')
      expect(droppedPath(xlsx)).toBe(xlsx)
      expect(() => droppedPath(path.join(dir, '发票.pdf'))).toThrow('只能拖入 .xlsx、.xls 或 .csv 文件（拖入的是「发票.pdf」）')
      expect(() => droppedPath(path.join(dir, '缺失.xlsx'))).toThrow('找不到文件「缺失.xlsx」')
      expect(() => droppedPath('客户.xlsx')).toThrow('无法读取拖入的文件')
      expect(() => droppedPath(42)).toThrow('无法读取拖入的文件')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
