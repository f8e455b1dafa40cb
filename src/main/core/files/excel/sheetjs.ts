// SheetJS is a megabyte of code: it is loaded when a spreadsheet is first read, not whenever the
// core starts (a command that lists invoices never reads one). Its CommonJS build, so the readers
// stay synchronous; that build brings SheetJS's code pages with it (BIFF5 .xls files store text in
// the ANSI code page, 936 for GBK, which SheetJS decodes only with them).
import type * as XLSX from 'xlsx'
import { lazyRequire } from '../../lazyRequire'

export const loadSheetJS = lazyRequire<typeof XLSX>('xlsx')
