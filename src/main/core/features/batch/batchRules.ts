// The template's rules beyond one cell (row 1 of each sheet): requirements that depend on another
// cell, 特定业务 fields that belong to one kind, dates and their order. Each rule says its problem
// at the cell the bookkeeper fixes.
import { Dec, parseDecimal, TOLERANCE } from '../../../../shared/domain/invoice'
import { cellIssue, isStamp, sharedIssue } from './cellChecks'
import type { ErrorLog } from './errorLog'
import type { SheetRow } from './sheetRows'
import { idTypeOf, policyOf } from './toDraft'
import {
  COAL_TAX_CODES,
  groupColumns,
  INVOICE_SHEET,
  LINE_SHEET,
  MINUTE_LEASE_CODE,
  NO,
  SEAT_CLASSES,
  specialHeader,
  SPECIAL_GROUPS,
  SPECIAL_SHEET,
  SUPPORTED_SPECIAL_KINDS,
  YES,
  type BatchColumn,
  type BatchSheet,
  type RegionLists,
  type SpecialKind,
} from './templateSpec'

const col = (sheet: BatchSheet, key: string): BatchColumn => sheet.columns.find((c) => c.key === key)!

/** each cell of `columns` on its own: an untrusted cell first, then the column's checks */
export function checkCells(sheet: BatchSheet, row: SheetRow, columns: BatchColumn[], regions: RegionLists, log: ErrorLog, serial?: string): void {
  const header = (c: BatchColumn) => (sheet === SPECIAL_SHEET ? specialHeader(c) : undefined)
  for (const c of columns) {
    const value = row.values[c.key] ?? ''
    const problem = row.problems[c.key] ?? cellIssue(c, value, c.required === true, regions, header(c))
    if (problem) {
      log.at(sheet, row, c, problem, serial)
      continue
    }
    const partner = c.sharedMax && columns.findIndex((x) => x.key === c.sharedMax!.with) > columns.indexOf(c) ? c.sharedMax.with : null
    const shared = partner ? sharedIssue(c, value, row.values[partner] ?? '', header(c)) : null
    if (shared) log.at(sheet, row, c, shared, serial)
  }
}

/** sheet 1: the 特定业务 this app issues, the 经办人's 证件类型 it knows, 涉税专业服务 */
export function checkHead(row: SheetRow, log: ErrorLog, serial: string): void {
  const v = row.values
  const at = (key: string, message: string) => {
    if (!log.has(INVOICE_SHEET, row, col(INVOICE_SHEET, key))) log.at(INVOICE_SHEET, row, col(INVOICE_SHEET, key), message, serial)
  }
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
  const at = (key: string, message: string) => {
    if (!log.has(LINE_SHEET, row, col(LINE_SHEET, key))) log.at(LINE_SHEET, row, col(LINE_SHEET, key), message, serial)
  }
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
 * sheet 3: one row of an invoice whose 特定业务类型 is `kind` — its group's cells, nothing in the
 * other groups, and the group's own rules. `taxCodes` are the invoice's lines' codes.
 */
export function checkSpecial(row: SheetRow, kind: SpecialKind, taxCodes: string[], regions: RegionLists, log: ErrorLog, serial: string): void {
  const group = SPECIAL_GROUPS.find((g) => g.kind === kind)!
  const own = groupColumns(group)
  checkCells(SPECIAL_SHEET, row, own, regions, log, serial)
  for (const other of SPECIAL_GROUPS) {
    if (other === group) continue
    for (const c of groupColumns(other))
      if ((row.values[c.key] ?? '') !== '') log.at(SPECIAL_SHEET, row, c, `该发票的特定业务类型为「${kind}」，不应填写${other.kind}的「${c.header}」`, serial)
  }
  const v = row.values
  const at = (key: string, message: string) => {
    if (!log.has(SPECIAL_SHEET, row, col(SPECIAL_SHEET, key))) log.at(SPECIAL_SHEET, row, col(SPECIAL_SHEET, key), message, serial)
  }
  if (kind === '建筑服务') {
    if (v.crossCity === YES && !v.crossRegionNo) at('crossRegionNo', '跨地市标志为“是”时，请填写跨区域涉税事项报验管理编号')
    if (v.crossCity === NO && v.crossRegionNo) at('crossRegionNo', '跨地市标志为“否”时，跨区域涉税事项报验管理编号不可填写')
  } else if (kind === '不动产经营租赁服务') {
    checkLease(v, taxCodes.includes(MINUTE_LEASE_CODE), at)
  } else if (kind === '旅客运输服务') {
    if (v.travelDate && !isStamp(v.travelDate, false)) at('travelDate', `出行日期「${v.travelDate}」应为 8 位日期，如 20220301`)
    const classes = SEAT_CLASSES[v.vehicleType ?? '']
    if (classes && !v.seatClass) at('seatClass', `交通工具为${v.vehicleType}时，请填写等级（${classes.join('、')}）`)
    else if (classes && !classes.includes(v.seatClass!)) at('seatClass', `交通工具为${v.vehicleType}时，等级应为${classes.join('、')}之一`)
  }
}

function checkLease(v: Record<string, string>, minutes: boolean, at: (key: string, message: string) => void): void {
  const form = minutes ? `12 位日期时间（如 202202011631：商品编码 ${MINUTE_LEASE_CODE} 精确到分钟）` : '8 位日期，如 20220201'
  const from = v.leaseFrom ?? ''
  const to = v.leaseTo ?? ''
  const fromOk = from !== '' && isStamp(from, minutes)
  const toOk = to !== '' && isStamp(to, minutes)
  if (from !== '' && !fromOk) at('leaseFrom', `租赁期起「${from}」应为 ${form}`)
  if (to !== '' && !toOk) at('leaseTo', `租赁期止「${to}」应为 ${form}`)
  if (fromOk && toOk && to < from) at('leaseTo', `租赁期止 ${to} 不能早于租赁期起 ${from}`)
}
