// 批量开具's import: a filled official template V260401 → its invoices as drafts of the issuing
// screen, and every problem of the file at its sheet / row / column. Reading is pure: no ledger, no
// platform. A file of another version is refused whole (AppError VALIDATION naming the version
// read); otherwise every cell is checked against its column, the sheets are tied by 发票流水号, the
// template's cross-cell rules run, and each invoice's draft — its 特定业务 (sheet 3) included, in the
// domain's form — passes the issuing screen's own validateDraft (with the caller's qualification when
// given, and the shipped 行政区划 list) — a file with any error is meant to import nothing (the
// caller's choice), the good invoices are still handed out for a preview.
import fs from 'node:fs'
import path from 'node:path'
import { computeDraft, validateDraft, type ComputedDraft, type DraftContext, type DraftIssue } from '../../../../shared/domain/invoice'
import { shippedRegionNames } from '../../codeLists/regions'
import { checkCells, checkHead, checkLine, checkSpecialRow } from './batchRules'
import { reportDraftIssues } from './draftIssues'
import { ErrorLog } from './errorLog'
import { readTemplateRows, type SheetRow } from './sheetRows'
import { DRAFT_KEYS, leftOver, LINE_DRAFT_KEYS, toDraft } from './toDraft'
import { EXTRA_SHEET, INVOICE_SHEET, LINE_SHEET, SPECIAL_SHEET, SUPPORTED_SPECIAL_KINDS, YES, type BatchSheet, type SpecialKind } from './templateSpec'
import type { BatchFile, BatchInvoice } from './types'

export interface ReadBatchOptions {
  /** the file's name as the user picked it (its extension says the format); the path's by default */
  name?: string
  /** between chunks of a large file: yields to the event loop; may throw to stop */
  pause?: () => Promise<void>
  /**
   * the county-level 行政区划 names 特定业务's 发生地 / 地址 columns must be one of: the context's
   * (special.regions) when it has them, else these, else the list the app ships
   */
  regions?: ReadonlySet<string>
  /** the issuing screen's context (operator, the seller's rates): its rules then run in full */
  context?: DraftContext
}

const serialColumn = (sheet: BatchSheet) => sheet.columns[0]!
/** invoices checked between two pauses: 1,000 invoices × 5 lines take about a second in all */
const SLICE = 100

export async function readBatchFile(file: string, opts: ReadBatchOptions = {}): Promise<BatchFile> {
  const { version, sheets } = await readTemplateRows(fs.readFileSync(file), opts.name ?? path.basename(file), opts.pause)
  const rules = draftRules(opts)
  const log = new ErrorLog()
  const heads = readHeads(sheets.get(INVOICE_SHEET.name) ?? [], log)
  const linesOf = tiedRows(LINE_SHEET, sheets.get(LINE_SHEET.name) ?? [], heads, log)
  const extrasOf = tiedRows(EXTRA_SHEET, sheets.get(EXTRA_SHEET.name) ?? [], heads, log)
  const specialsOf = tiedRows(SPECIAL_SHEET, sheets.get(SPECIAL_SHEET.name) ?? [], heads, log)

  const invoices: BatchInvoice[] = []
  let checked = 0
  for (const [serial, head] of heads) {
    if (opts.pause && ++checked % SLICE === 0) await opts.pause()
    const lines = linesOf.get(serial) ?? []
    const extras = extrasOf.get(serial) ?? []
    const specials = specialsOf.get(serial) ?? []
    const includesTax = head.values.includesTax === YES
    for (const r of lines) {
      checkCells(LINE_SHEET, r, LINE_SHEET.columns.slice(1), log, serial)
      checkLine(r, includesTax, log, serial)
    }
    for (const r of extras) checkCells(EXTRA_SHEET, r, EXTRA_SHEET.columns.slice(1), log, serial)
    const kind = checkSpecials(head, serial, specials, log)
    if (lines.length === 0) log.at(INVOICE_SHEET, head, serialColumn(INVOICE_SHEET), `发票「${serial}」在「${LINE_SHEET.name}」中没有明细行：每张发票至少填写 1 行明细`, serial)

    const draft = toDraft(head, lines, extras, kind && { kind, rows: specials })
    const computed = computeDraft(draft)
    reportDraftIssues(rules(computed), { serial, head, lines, extras, specials, kind }, log)
    if (log.bad(serial)) continue
    invoices.push({
      serial,
      row: head.row,
      draft,
      computed,
      lineRows: lines.map((r) => r.row),
      fields: leftOver(head.values, DRAFT_KEYS),
      lineFields: lines.map((r) => leftOver(r.values, LINE_DRAFT_KEYS)),
    })
  }
  return { version, invoices, errors: log.sorted() }
}

/**
 * The issuing screen's rules on a draft with the 行政区划 list 特定业务 is judged against: the
 * context's, else the caller's, else the shipped one. Without the caller's context 开票人 is not
 * judged (validateDraft's rule when it has none).
 */
function draftRules(opts: ReadBatchOptions): (draft: ComputedDraft) => DraftIssue[] {
  const given = opts.context
  const regions = given?.special?.regions ?? opts.regions ?? shippedRegionNames()
  const context: DraftContext = { ...(given ?? { operator: '' }), special: { ...given?.special, regions } }
  return (draft) => {
    const issues = validateDraft(draft, context)
    return given ? issues : issues.filter((i) => i.path !== 'operator')
  }
}

/** sheet 1: each row checked; the first row of each 发票流水号 is the invoice, a repeat is an error */
function readHeads(rows: SheetRow[], log: ErrorLog): Map<string, SheetRow> {
  const heads = new Map<string, SheetRow>()
  for (const row of rows) {
    const serial = row.values.serial ?? ''
    checkCells(INVOICE_SHEET, row, INVOICE_SHEET.columns, log, serial)
    if (serial === '' || row.problems.serial) continue
    const first = heads.get(serial)
    if (first) {
      log.at(INVOICE_SHEET, row, serialColumn(INVOICE_SHEET), `发票流水号「${serial}」与第 ${first.row} 行重复：每张发票的流水号须唯一`, serial)
      continue
    }
    heads.set(serial, row)
    checkHead(row, log, serial)
  }
  return heads
}

/** sheets 2–4: rows by the invoice their 发票流水号 names; a row naming none is an error */
function tiedRows(sheet: BatchSheet, rows: SheetRow[], heads: Map<string, SheetRow>, log: ErrorLog): Map<string, SheetRow[]> {
  const out = new Map<string, SheetRow[]>()
  const column = serialColumn(sheet)
  for (const row of rows) {
    const serial = row.values.serial ?? ''
    if (serial === '' || row.problems.serial) {
      log.at(sheet, row, column, row.problems.serial ?? `请填写发票流水号：${sheet.name}的每一行须用发票流水号对应到「${INVOICE_SHEET.name}」中的发票`)
      continue
    }
    if (!heads.has(serial)) {
      log.at(sheet, row, column, `发票流水号「${serial}」在「${INVOICE_SHEET.name}」中没有对应的发票：请核对流水号，或在「${INVOICE_SHEET.name}」中补上该发票`)
      continue
    }
    const list = out.get(serial)
    if (list) list.push(row)
    else out.set(serial, [row])
  }
  return out
}

/**
 * sheet 3 against sheet 1's 特定业务类型: rows only for an invoice that has one (how many it needs is
 * the domain's rule), each without another kind's columns. Returns the kind the draft carries.
 */
function checkSpecials(head: SheetRow, serial: string, specials: SheetRow[], log: ErrorLog): SpecialKind | null {
  const named = head.values.specialKind ?? ''
  if (named === '') {
    for (const r of specials)
      log.at(
        SPECIAL_SHEET,
        r,
        serialColumn(SPECIAL_SHEET),
        `发票「${serial}」在「${INVOICE_SHEET.name}」中没有填写特定业务类型，不能填写特定业务信息：请先选择特定业务类型，或删除此行`,
        serial,
      )
    return null
  }
  const kind = SUPPORTED_SPECIAL_KINDS.find((k) => k === named)
  if (!kind) return null // refused at sheet 1 (not issued by this app)
  for (const r of specials) checkSpecialRow(r, kind, log, serial)
  return kind
}
