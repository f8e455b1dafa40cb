// The template's rules beyond one cell (row 1 of each sheet): requirements that depend on another
// cell, 特定业务 columns that belong to one kind. Each rule says its problem at the cell the
// bookkeeper fixes. 特定业务's own rules are the domain's, not repeated here.
import { Dec, parseDecimal, TOLERANCE } from '../../../../shared/domain/invoice'
import { cellIssue } from './cellChecks'
import type { ErrorLog } from './errorLog'
import type { SheetRow } from './sheetRows'
import { idTypeOf, policyOf } from './toDraft'
import {
  COAL_TAX_CODES,
  columnOf,
  groupColumns,
  INVOICE_SHEET,
  LINE_SHEET,
  specialGroupOf,
  SPECIAL_GROUPS,
  SPECIAL_SHEET,
  SUPPORTED_SPECIAL_KINDS,
  YES,
  type BatchColumn,
  type BatchSheet,
  type SpecialKind,
} from './templateSpec'

/** each cell of `columns` on its own: an untrusted cell first, then the column's checks */
export function checkCells(sheet: BatchSheet, row: SheetRow, columns: BatchColumn[], log: ErrorLog, serial?: string): void {
  for (const c of columns) {
    const problem = row.problems[c.key] ?? cellIssue(c, row.values[c.key] ?? '', c.required === true)
    if (problem) log.at(sheet, row, c, problem, serial)
  }
}

/** sheet 1: the 特定业务 this app issues, the 经办人's 证件类型 it knows, 涉税专业服务 */
export function checkHead(row: SheetRow, log: ErrorLog, serial: string): void {
  const v = row.values
  const at = (key: string, message: string) => log.first(INVOICE_SHEET, row, columnOf(INVOICE_SHEET, key), message, serial)
  const kind = v.specialKind ?? ''
  if (kind !== '' && !(SUPPORTED_SPECIAL_KINDS as readonly string[]).includes(kind))
    at('specialKind', `特定业务类型「${kind}」本软件暂不支持开具：目前支持${SUPPORTED_SPECIAL_KINDS.join('、')}，其他特定业务请在电子发票服务平台开具`)
  const agentType = v.agentIdType ?? ''
  if (agentType !== '' && idTypeOf(agentType) === null)
    at('agentIdType', `购买方经办人证件类型「${agentType}」本软件暂不支持：请选择居民身份证、护照、港澳台通行证、外国人永久居留身份证或港澳台居民居住证，或不填`)
  if (v.taxService === YES) {
    if (!v.taxServiceAgreement) at('taxServiceAgreement', '是否开具涉税专业服务发票品目为“是”时，请填写涉税专业服务协议编号')
    if (!v.buyerTaxId) at('buyerTaxId', '开具涉税专业服务发票品目时，请填写购买方纳税人识别号')
  }
}

/** sheet 2: 优惠政策, 煤炭种类, and 数量 × 单价 = 金额 as typed when the line is 含税 */
export function checkLine(row: SheetRow, includesTax: boolean, log: ErrorLog, serial: string): void {
  const v = row.values
  const at = (key: string, message: string) => log.first(LINE_SHEET, row, columnOf(LINE_SHEET, key), message, serial)
  const policy = v.policyType ?? ''
  if (v.usePolicy === YES && policy === '') at('policyType', '是否使用优惠政策为“是”时，请选择优惠政策类型')
  if (policy !== '' && v.usePolicy !== YES) at('usePolicy', '填写了优惠政策类型时，是否使用优惠政策应为“是”')
  if (policy !== '' && policyOf(policy) === null) at('policyType', `优惠政策类型「${policy}」本软件暂不支持：请在电子发票服务平台开具该发票`)
  if ((COAL_TAX_CODES as readonly string[]).includes(v.taxCode ?? '') && !v.coalType) at('coalType', `商品和服务税收编码 ${v.taxCode} 为煤炭产品，请选择煤炭种类`)
  // not 含税: validateDraft checks the product on the computed line; 含税, computing replaces the 单价
  if (!includesTax) return
  const [q, p, amount] = [parseDecimal(v.quantity), parseDecimal(v.unitPrice), parseDecimal(v.amount)]
  if (!q || !p || !amount) return
  const product = q.times(p)
  if (product.minus(amount).abs().gt(TOLERANCE.lineAmount))
    at('amount', `含税金额 ${amount.toFixed(2)} 与数量 × 含税单价（${product.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2)}）相差超过 ${TOLERANCE.lineAmount.toFixed(2)}`)
}

/**
 * sheet 3: what only the template can get wrong about a row of an invoice whose 特定业务类型 is
 * `kind` — a cell of another 特定业务's columns filled (the 代收车船税 and 拖拉机和联合收割机 groups
 * included: this app does not issue them), an untrusted cell of its own group. The group's own fields
 * and rules are the domain's (validateDraft → checkSpecialBusiness, reported by draftIssues.ts).
 */
export function checkSpecialRow(row: SheetRow, kind: SpecialKind, log: ErrorLog, serial: string): void {
  const group = specialGroupOf(kind)!
  for (const c of groupColumns(group)) {
    const problem = row.problems[c.key]
    if (problem) log.at(SPECIAL_SHEET, row, c, problem, serial)
  }
  for (const other of SPECIAL_GROUPS) {
    if (other === group) continue
    const issued = (SUPPORTED_SPECIAL_KINDS as readonly string[]).includes(other.kind)
    for (const c of groupColumns(other)) {
      if ((row.values[c.key] ?? '') === '') continue
      log.at(
        SPECIAL_SHEET,
        row,
        c,
        issued
          ? `该发票的特定业务类型为「${kind}」，不应填写${other.kind}的「${c.header}」`
          : `该发票的特定业务类型为「${kind}」，不应填写${other.kind}的「${c.header}」（本软件暂不开具${other.kind}发票）：请删除该单元格`,
        serial,
      )
    }
  }
}
