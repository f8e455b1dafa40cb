// The 简称 of each code in the table in force, for the printed 项目名称 `*简称*名称` of the files the
// platform hands out (the draft keeps only the code). Read from the table's own bytes (the CSV's
// short_name column) once per version and kept in memory; a table without one gives none.
import * as XLSX from 'xlsx'
import type { TaxcodesFile } from '../rules/taxcodes'

const byVersion = new Map<string, Readonly<Record<string, string>>>()

function readShortNames(file: TaxcodesFile): Record<string, string> {
  if (!/\.csv$/i.test(file.fileName)) return {}
  const text = new TextDecoder('utf-8').decode(file.bytes).replace(/^\uFEFF/, '')
  // raw: a 19-digit code read as a number would lose its last digits
  const wb = XLSX.read(text, { type: 'string', raw: true, dense: true })
  const sheet = wb.Sheets[wb.SheetNames[0] ?? '']
  const rows = sheet ? XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' }) : []
  const header = (rows[0] ?? []).map((h) => String(h).trim().toLowerCase())
  const code = header.indexOf('code')
  const short = header.indexOf('short_name')
  if (code < 0 || short < 0) return {}
  const out: Record<string, string> = {}
  for (const r of rows.slice(1)) {
    const s = String(r[short] ?? '').trim()
    if (s) out[String(r[code] ?? '').trim()] = s
  }
  return out
}

export function shortNamesOf(file: TaxcodesFile | null): Readonly<Record<string, string>> {
  if (!file) return {}
  let names = byVersion.get(file.version)
  if (!names) {
    names = readShortNames(file)
    // one table is in force at a time: an older version's names are not needed again
    byVersion.clear()
    byVersion.set(file.version, names)
  }
  return names
}
