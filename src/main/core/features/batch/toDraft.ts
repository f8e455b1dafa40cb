// A checked invoice of the template → the issuing screen's InvoiceDraft, as the user would have typed
// it on the screen: 是否含税 becomes priceIncludesTax, 折扣金额 the line's discount (its 折扣行 is
// made by computeDraft, on the same basis), 数量/单价 stay as typed and computeDraft derives the one
// left empty from 金额 (row 1 of sheet 2), 受票方自然人标识 the buyer's type, and sheet 3's rows the
// 特定业务 in the domain's form (each column's `field`).
import type { IdTypeCode } from '../../../../shared/domain/idTypes'
import type { DraftAgent, DraftLine, InvoiceDraft } from '../../../../shared/domain/invoice'
import type { SpecialBusiness } from '../../../../shared/domain/specialBusiness'
import { parsePolicy, type PolicyCode } from '../../../../shared/domain/rates'
import type { SheetRow } from './sheetRows'
import { BUYER_ID_TYPES, groupColumns, INVOICE_TYPES, SHOW_OPTIONS, specialGroupOf, YES, type SpecialKind } from './templateSpec'

/** 优惠政策类型 as the template spells it → the app's code; null for the two the app does not know */
export function policyOf(label: string): PolicyCode | null {
  // the dropdown writes 计证 for 计征
  return parsePolicy(label === '按5%简易征收减按1.5%计证' ? '按5%简易征收减按1.5%计征' : label)
}

/** a 证件类型 name of the template (sheet 1 H, or the sfzjlx list) → the app's code, if it has one */
export function idTypeOf(name: string): IdTypeCode | null {
  return BUYER_ID_TYPES.find((t) => t.name === name)?.code ?? null
}

const blankToNull = (text: string | undefined): string | null => (text === undefined || text === '' ? null : text)

function line(r: SheetRow): DraftLine {
  const v = r.values
  const usePolicy = v.usePolicy === YES
  return {
    name: v.name ?? '',
    taxCode: v.taxCode ?? '',
    spec: v.spec ?? '',
    unit: v.unit ?? '',
    quantity: blankToNull(v.quantity),
    unitPrice: blankToNull(v.unitPrice),
    amount: blankToNull(v.amount),
    taxRate: v.taxRate ?? '',
    policy: usePolicy && v.policyType ? policyOf(v.policyType) : null,
    discount: blankToNull(v.discount),
  }
}

function agent(v: Record<string, string>): DraftAgent | null {
  const a = { name: v.agentName ?? '', idNumber: v.agentIdNumber ?? '', nationality: v.agentCountry ?? '', taxId: v.agentTaxId ?? '' }
  const idType = v.agentIdType ? idTypeOf(v.agentIdType) : null
  if (idType === null && Object.values(a).every((x) => x === '')) return null
  return { ...a, idType }
}

/** sheet 3's rows of the invoice's 特定业务: each row's own group, by the domain's field keys */
function specialBusiness(kind: SpecialKind, rows: SheetRow[]): SpecialBusiness {
  const columns = groupColumns(specialGroupOf(kind)!)
  return { kind, rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c.field ?? c.key, r.values[c.key] ?? '']))) }
}

export function toDraft(head: SheetRow, lines: SheetRow[], extras: SheetRow[], special: { kind: SpecialKind; rows: SheetRow[] } | null): InvoiceDraft {
  const v = head.values
  const show = v.showBuyer ?? ''
  const naturalPerson = v.naturalPerson === YES
  return {
    kind: INVOICE_TYPES.find((t) => t.name === v.invoiceType)?.kind ?? '82',
    taxMode: '普通征税',
    differenceMode: null,
    priceIncludesTax: v.includesTax === YES,
    buyer: {
      type: naturalPerson ? '自然人' : '企业',
      name: v.buyerName ?? '',
      taxId: v.buyerTaxId ?? '',
      idType: v.buyerIdType ? idTypeOf(v.buyerIdType) : null,
      idNumber: v.buyerIdNumber ?? '',
      address: v.buyerAddress ?? '',
      phone: v.buyerPhone ?? '',
      bank: v.buyerBank ?? '',
      account: v.buyerAccount ?? '',
      showAddressPhone: show === SHOW_OPTIONS[0] || show === SHOW_OPTIONS[2],
      showBank: show === SHOW_OPTIONS[1] || show === SHOW_OPTIONS[2],
    },
    lines: lines.map(line),
    extras: extras.map((r) => ({ name: r.values.name ?? '', value: r.values.value ?? '' })),
    remark: v.remark ?? '',
    agent: agent(v),
    payee: v.payee ?? '',
    reviewer: v.reviewer ?? '',
    reducedReason: blankToNull(v.reducedReason),
    specialBusiness: special && specialBusiness(special.kind, special.rows),
  }
}

/** sheet-1 columns the draft carries; the others travel in BatchInvoice.fields */
export const DRAFT_KEYS = new Set([
  'serial',
  'invoiceType',
  'specialKind',
  'includesTax',
  'naturalPerson',
  'buyerName',
  'buyerTaxId',
  'buyerIdType',
  'buyerIdNumber',
  'buyerAddress',
  'buyerPhone',
  'buyerBank',
  'buyerAccount',
  'showBuyer',
  'remark',
  'agentName',
  'agentIdType',
  'agentIdNumber',
  'agentCountry',
  'agentTaxId',
  'reducedReason',
  'payee',
  'reviewer',
])

/** sheet-2 columns the draft line carries */
export const LINE_DRAFT_KEYS = new Set(['serial', 'name', 'taxCode', 'spec', 'unit', 'quantity', 'unitPrice', 'amount', 'taxRate', 'discount', 'usePolicy', 'policyType'])

/** the filled cells of `values` whose keys are not in `carried` */
export function leftOver(values: Record<string, string>, carried: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, x] of Object.entries(values)) if (x !== '' && !carried.has(k)) out[k] = x
  return out
}
