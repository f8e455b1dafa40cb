// validateDraft: every rule a blue invoice must pass before it is issued (DOMAIN.md §1, §2, §7, §9),
// as a list of { path, message } so a form can put each message beside its field and the CLI can
// print them. Messages are Chinese and name the field and the line (第 3 行：…).
import { RESERVED_EXTRA_MESSAGE, RESERVED_EXTRA_NAME } from '../extras'
import { ID_CARD } from '../idTypes'
import { levyPolicyProblem, rateLabelProblem, reducedReasonProblem } from '../rateRules'
import { RATE_CHOICES, rateLabelOf, ratePolicyProblem, type RateLabel } from '../rates'
import { idCardProblem, taxIdProblem } from '../taxpayerId'
import { charLength } from '../text'
import { isDifferenceSale } from './compute'
import { differenceSplit } from './lineMath'
import { Dec, decimalPlaces, formatMoney, isBlank, parseDecimal, parseMoney, QUANTITY_MAX_CHARS, QUANTITY_MAX_DECIMALS } from './money'
import type { DraftContext, DraftIssue, DraftLine, InvoiceDraft, QualificationContext } from './types'
import { checkSpecialBusiness } from '../specialBusiness/check'

/** Field limits (DOMAIN.md §1, platform interface). */
export const LIMITS = {
  lines: 2000,
  itemName: 100,
  spec: 40,
  unit: 22,
  buyerName: 100,
  taxId: 20,
  remarkBlue: 450,
  extraValue: 300,
  // (assumed) the client's own customer limits (api/customers.ts), so a saved customer always fits
  buyerAddress: 100,
  buyerPhone: 30,
  buyerBank: 100,
  buyerAccount: 50,
  idNumber: 30,
} as const

/** (assumed) the platform's long-standing arithmetic checks (DOMAIN.md §2). */
export const TOLERANCE = {
  /** |数量 × 单价 − 金额| per line */
  lineAmount: new Dec('0.01'),
  /** |金额 × 税率 − 税额| per line (and per 折扣行) */
  lineTax: new Dec('0.06'),
  /** |Σ(金额 × 税率) − Σ税额| per invoice */
  invoiceTax: new Dec('1.27'),
} as const

type Add = (path: string, message: string) => void

const PLAIN_RATES = RATE_CHOICES.filter((r) => !('policy' in r))
const RATE_LIST = PLAIN_RATES.map((r) => r.label).join('、')

/** Lengths count characters as the platform does (code points), not UTF-16 units. */
function lengthProblem(label: string, text: string, max: number): string | null {
  const n = charLength(text.trim())
  return n > max ? `${label}不能超过 ${max} 个字符（现为 ${n} 个）` : null
}

function tooLong(add: Add, path: string, label: string, text: string, max: number): void {
  const problem = lengthProblem(label, text, max)
  if (problem) add(path, problem)
}

/** 统一社会信用代码, a legacy 纳税人识别号 or a 身份证号 all identify a natural person. */
const personIdOk = (id: string): boolean => taxIdProblem(id) === null || idCardProblem(id) === null

function checkBuyer(draft: InvoiceDraft, add: Add): void {
  const b = draft.buyer
  if (isBlank(b.name)) add('buyer.name', '请填写购买方名称')
  else tooLong(add, 'buyer.name', '购买方名称', b.name, LIMITS.buyerName)
  if (b.type === '自然人' && draft.kind === '81') add('buyer.type', '自然人只能开具普通发票，专票的购买方须为企业')

  const taxId = b.taxId.trim()
  if (taxId === '') {
    if (draft.kind === '81') add('buyer.taxId', '开具专票须填写购买方纳税人识别号')
    else if (b.type === '企业') add('buyer.taxId', '购买方为企业时须填写纳税人识别号')
  } else if (charLength(taxId) > LIMITS.taxId) {
    add('buyer.taxId', `购买方纳税人识别号不能超过 ${LIMITS.taxId} 个字符（现为 ${charLength(taxId)} 个）`)
  } else if (b.type === '企业') {
    // (choice, docs/domain-rules.md §1) a 个体工商户 may still be known by its owner's 身份证号
    const problem = idCardProblem(taxId) === null ? null : taxIdProblem(taxId)
    if (problem) add('buyer.taxId', `购买方纳税人识别号${problem}`)
  } else if (!personIdOk(taxId)) {
    add('buyer.taxId', '自然人的纳税人识别号应为身份证号码或统一社会信用代码，请核对')
  }

  if (b.type === '自然人') checkPersonId(add, 'buyer', '购买方', b.idType ?? null, b.idNumber ?? '')
  tooLong(add, 'buyer.address', '购买方地址', b.address, LIMITS.buyerAddress)
  tooLong(add, 'buyer.phone', '购买方电话', b.phone, LIMITS.buyerPhone)
  tooLong(add, 'buyer.bank', '购买方开户银行', b.bank, LIMITS.buyerBank)
  tooLong(add, 'buyer.account', '购买方银行账号', b.account, LIMITS.buyerAccount)
}

/** 证件类型 + 证件号码: both or neither; a 居民身份证 number passes the GB 11643 check. */
function checkPersonId(add: Add, at: string, who: string, idType: string | null, idNumber: string): void {
  const number = idNumber.trim()
  if (idType === null) {
    if (number !== '') add(`${at}.idType`, `请选择${who}证件类型`)
    return
  }
  if (number === '') add(`${at}.idNumber`, `已选择证件类型，请填写${who}证件号码`)
  else if (charLength(number) > LIMITS.idNumber) add(`${at}.idNumber`, `${who}证件号码不能超过 ${LIMITS.idNumber} 个字符`)
  else if (idType === ID_CARD) {
    const problem = idCardProblem(number)
    if (problem) add(`${at}.idNumber`, `${who}${problem}`)
  }
}

function checkAgent(draft: InvoiceDraft, add: Add): void {
  const a = draft.agent
  if (a === null) return
  checkPersonId(add, 'agent', '经办人', a.idType, a.idNumber)
  if (!isBlank(a.taxId) && !personIdOk(a.taxId.trim())) add('agent.taxId', '经办人的纳税人识别号应为身份证号码或统一社会信用代码，请核对')
}

const positive = (d: Dec | null): d is Dec => d !== null && d.gt(0)
const beyond = (a: Dec, b: Dec, tolerance: Dec): boolean => a.minus(b).abs().gt(tolerance)

/** A 数量 or 单价 when given: a positive number of at most 16 characters and 13 decimals. */
function factorProblem(label: string, text: string, d: Dec | null): string | null {
  if (!positive(d)) return `${label}应为大于 0 的数字`
  if (decimalPlaces(text) > QUANTITY_MAX_DECIMALS) return `${label}最多保留 ${QUANTITY_MAX_DECIMALS} 位小数`
  if (text.trim().length > QUANTITY_MAX_CHARS) return `${label}不能超过 ${QUANTITY_MAX_CHARS} 个字符（含小数点）`
  return null
}

type RateChoice = (typeof PLAIN_RATES)[number]
// an invoice has thousands of lines and a handful of distinct rates: read each rate text once
const rateChoices = new Map<string, { choice: RateChoice; rate: Dec } | null>()

/** The RATE_CHOICES rate a 税率 text names ('0.13', '0.130'), or null. */
function rateChoice(text: string): { choice: RateChoice; rate: Dec } | null {
  let hit = rateChoices.get(text)
  if (hit === undefined) {
    const rate = parseDecimal(text)
    const choice = rate && PLAIN_RATES.find((r) => rate.eq(r.rate))
    hit = rate && choice ? { choice, rate } : null
    rateChoices.set(text, hit)
  }
  return hit
}

/** A line's numbers, read once and shared by its checks and the invoice-wide one. */
interface LineNumbers {
  quantity: Dec | null
  unitPrice: Dec | null
  amount: Dec | null
  tax: Dec | null
  /** only when the 税率 is one of RATE_CHOICES */
  rate: Dec | null
  deduction: Dec | null
  discount: Dec | null
  discountTax: Dec | null
}

function readLine(line: DraftLine): LineNumbers {
  return {
    quantity: parseDecimal(line.quantity),
    unitPrice: parseDecimal(line.unitPrice),
    amount: parseMoney(line.amount),
    tax: parseMoney(line.tax),
    rate: rateChoice(line.taxRate)?.rate ?? null,
    deduction: parseMoney(line.deduction),
    discount: parseMoney(line.discount),
    discountTax: parseMoney(line.discountTax),
  }
}

/** Under 差额开票 the line's 税额 follows the difference rule; otherwise 金额 × 税率. Exact, unrounded. */
function expectedTax(draft: InvoiceDraft, n: LineNumbers): Dec | null {
  if (!n.amount || !n.rate) return null
  if (!isDifferenceSale(draft)) return n.amount.times(n.rate)
  return n.tax && n.deduction ? differenceSplit(n.amount.plus(n.tax), n.deduction, n.rate).exact : null
}

type Say = (field: string, message: string) => void

function checkLineText(line: DraftLine, say: Say): void {
  const long = (field: string, label: string, text: string, max: number) => {
    const problem = lengthProblem(label, text, max)
    if (problem) say(field, problem)
  }
  if (isBlank(line.name)) say('name', '请填写项目名称')
  else long('name', '项目名称', line.name, LIMITS.itemName)
  if (isBlank(line.taxCode)) say('taxCode', '请选择商品和服务税收分类编码')
  else if (!/^\d{19}$/.test(line.taxCode.trim())) say('taxCode', '商品和服务税收分类编码应为 19 位数字')
  long('spec', '规格型号', line.spec, LIMITS.spec)
  long('unit', '单位', line.unit, LIMITS.unit)
}

/** The rate itself, its 优惠政策标识 beside it and, when the seller is known, whether it may use it here. */
function checkLineRate(draft: InvoiceDraft, line: DraftLine, ctx: DraftContext | undefined, say: Say): void {
  const hit = rateChoice(line.taxRate)
  if (hit === null) {
    say('taxRate', line.taxRate.trim() === '' ? '请填写税率/征收率' : `税率/征收率“${line.taxRate}”无效，应为 ${RATE_LIST}`)
    return
  }
  const label: RateLabel = rateLabelOf(hit.choice.rate, line.policy) ?? hit.choice.label
  const q = ctx?.qualification
  const problem = ratePolicyProblem(label, line.policy) ?? levyPolicyProblem(label, line.policy, q?.seller.type ?? null)
  if (problem) say('policy', problem)
  if (!q) return
  const taxCode = line.taxCode.trim()
  const refusal = rateLabelProblem(label, { kind: draft.kind, seller: q.seller, taxCode, code: q.taxCode(taxCode), today: q.today })
  if (refusal) say('taxRate', refusal)
}

/** 数量, 单价, 金额, 税额 and 扣除额, each alone and against each other. */
function checkLineAmounts(draft: InvoiceDraft, line: DraftLine, n: LineNumbers, say: Say): void {
  for (const [field, label, text, d] of [
    ['quantity', '数量', line.quantity, n.quantity],
    ['unitPrice', '单价', line.unitPrice, n.unitPrice],
  ] as const) {
    const problem = isBlank(text) ? null : factorProblem(label, text, d)
    if (problem) say(field, problem)
  }
  if (isBlank(line.quantity) !== isBlank(line.unitPrice)) say(isBlank(line.quantity) ? 'quantity' : 'unitPrice', '数量和单价须同时填写或同时不填')

  const { amount, tax, deduction } = n
  if (isBlank(line.amount)) say('amount', '请填写金额')
  else if (amount === null) say('amount', '金额应为数字，最多 2 位小数')
  else if (!positive(amount)) say('amount', '金额应大于 0')
  if (positive(n.quantity) && positive(n.unitPrice) && amount) {
    const product = n.quantity.times(n.unitPrice)
    if (beyond(product, amount, TOLERANCE.lineAmount))
      say('amount', `金额 ${formatMoney(amount)} 与数量 × 单价（${formatMoney(product)}）相差超过 ${TOLERANCE.lineAmount.toFixed(2)}`)
  }

  if (!isBlank(line.tax) && tax === null) say('tax', '税额应为数字，最多 2 位小数')

  const difference = draft.taxMode === '差额征税'
  if (!difference) {
    if (!isBlank(line.deduction)) say('deduction', '扣除额仅用于差额征税')
  } else if (isBlank(line.deduction)) say('deduction', '请填写扣除额')
  else if (deduction === null) say('deduction', '扣除额应为数字，最多 2 位小数')
  else if (deduction.lt(0)) say('deduction', '扣除额不能为负数')
  else if (amount && tax && deduction.gte(amount.plus(tax))) say('deduction', `扣除额 ${formatMoney(deduction)} 应小于含税销售额 ${formatMoney(amount.plus(tax))}`)

  if (!amount || !n.rate) return
  // a blank 税额 beside a readable 金额 and 税率 is only explained by a missing 扣除额
  if (isBlank(line.tax) && !(difference && deduction === null)) say('tax', '请填写税额')
  const expected = expectedTax(draft, n)
  if (tax && expected && beyond(expected, tax, TOLERANCE.lineTax)) {
    const basis = difference && draft.differenceMode === '02' ? '按差额计算的税额' : '金额 × 税率'
    say('tax', `税额 ${formatMoney(tax)} 与${basis}（${formatMoney(expected)}）相差超过 ${TOLERANCE.lineTax.toFixed(2)}`)
  }
}

/** The discount, printed as the 折扣行 right after this line (same code, name and rate by construction). */
function checkLineDiscount(draft: InvoiceDraft, line: DraftLine, n: LineNumbers, say: Say): void {
  if (isBlank(line.discount)) return
  if (draft.taxMode === '差额征税') {
    say('discount', '差额征税的项目不能添加折扣')
    return
  }
  const { discount, discountTax } = n
  if (!positive(discount)) {
    say('discount', '折扣金额应为大于 0 的数字，最多 2 位小数')
    return
  }
  if (n.amount && discount.gt(n.amount)) say('discount', `折扣金额 ${formatMoney(discount)} 不能超过金额 ${formatMoney(n.amount)}`)
  if (!isBlank(line.discountTax) && discountTax === null) say('discountTax', '折扣税额应为数字，最多 2 位小数')
  if (discountTax && n.rate) {
    const expected = discount.times(n.rate)
    if (beyond(expected, discountTax, TOLERANCE.lineTax))
      say('discountTax', `折扣税额 ${formatMoney(discountTax)} 与折扣金额 × 税率（${formatMoney(expected)}）相差超过 ${TOLERANCE.lineTax.toFixed(2)}`)
  }
}

/**
 * The invoice-wide check |Σ(金额 × 税率) − Σ税额| ≤ 1.27 over every row, 折扣行 included.
 * Skipped while some line's numbers are unreadable: that line's own message comes first.
 */
function checkInvoiceTax(draft: InvoiceDraft, numbers: LineNumbers[], add: Add): void {
  let expected = new Dec(0)
  let taxes = new Dec(0)
  for (const [i, n] of numbers.entries()) {
    const e = expectedTax(draft, n)
    if (!n.tax || !e) return
    expected = expected.plus(e)
    taxes = taxes.plus(n.tax)
    if (!isBlank(draft.lines[i]?.discount)) {
      if (!n.discount || !n.discountTax || !n.rate) return
      expected = expected.minus(n.discount.times(n.rate))
      taxes = taxes.minus(n.discountTax)
    }
  }
  if (beyond(expected, taxes, TOLERANCE.invoiceTax))
    add('totals.tax', `合计税额 ${formatMoney(taxes)} 与各行金额 × 税率之和（${formatMoney(expected)}）相差超过 ${TOLERANCE.invoiceTax.toFixed(2)}`)
}

function checkLines(draft: InvoiceDraft, ctx: DraftContext | undefined, add: Add): void {
  const count = draft.lines.length
  if (count === 0) add('lines', '请至少填写 1 行项目')
  const rows = count + draft.lines.filter((l) => !isBlank(l.discount)).length
  if (rows > LIMITS.lines) add('lines', `项目行数（含折扣行）不能超过 ${LIMITS.lines} 行（现为 ${rows} 行）`)
  if (draft.taxMode === '差额征税') {
    if (count > 1) add('lines', `差额征税只能填写 1 行项目（现为 ${count} 行）`)
    if (!draft.differenceMode) add('differenceMode', '差额征税请选择“全额开票”或“差额开票”')
  }
  const numbers = draft.lines.map((line, i) => {
    const say: Say = (field, message) => add(`lines.${i}.${field}`, `第 ${i + 1} 行：${message}`)
    const n = readLine(line)
    checkLineText(line, say)
    checkLineRate(draft, line, ctx, say)
    checkLineAmounts(draft, line, n, say)
    checkLineDiscount(draft, line, n, say)
    return n
  })
  checkInvoiceTax(draft, numbers, add)
}

function checkOthers(draft: InvoiceDraft, ctx: DraftContext | undefined, add: Add): void {
  tooLong(add, 'remark', '备注', draft.remark, LIMITS.remarkBlue)
  const seen = new Set<string>()
  draft.extras.forEach((x, i) => {
    const name = x.name.trim()
    if (name === '') add(`extras.${i}.name`, `第 ${i + 1} 个附加要素：请填写名称`)
    else if (name === RESERVED_EXTRA_NAME) add(`extras.${i}.name`, `第 ${i + 1} 个附加要素：${RESERVED_EXTRA_MESSAGE}`)
    else if (seen.has(name)) add(`extras.${i}.name`, `附加要素“${name}”重复`)
    seen.add(name)
    tooLong(add, `extras.${i}.value`, `附加要素“${name}”的内容`, x.value, LIMITS.extraValue)
  })
  if (ctx?.qualification) checkReducedReason(draft, ctx.qualification, add)
}

function checkReducedReason(draft: InvoiceDraft, q: QualificationContext, add: Add): void {
  const problem = reducedReasonProblem(draft, q.seller.type, q.today)
  if (problem) add('reducedReason', problem)
}

/**
 * Only the rate rules of every line (and the 减按1% reason): what the issuing screen shows beside a
 * line as it is typed, before any 开票 — the same checks and words validateDraft runs.
 */
export function rateIssues(draft: InvoiceDraft, qualification: QualificationContext): DraftIssue[] {
  const issues: DraftIssue[] = []
  const add: Add = (path, message) => issues.push({ path, message })
  const ctx: DraftContext = { operator: '', qualification }
  draft.lines.forEach((line, i) => checkLineRate(draft, line, ctx, (field, message) => add(`lines.${i}.${field}`, `第 ${i + 1} 行：${message}`)))
  checkReducedReason(draft, qualification, add)
  return issues
}

/**
 * Every problem of a draft, in form order. Pass computeDraft's result: the arithmetic rules check
 * the computed 金额/税额. `ctx` comes from the core when issuing: without it 开票人 is not checked.
 */
export function validateDraft(draft: InvoiceDraft, ctx?: DraftContext): DraftIssue[] {
  const issues: DraftIssue[] = []
  const add: Add = (path, message) => issues.push({ path, message })
  checkBuyer(draft, add)
  checkLines(draft, ctx, add)
  checkOthers(draft, ctx, add)
  checkAgent(draft, add)
  issues.push(...checkSpecialBusiness(draft, ctx?.special))
  if (ctx && isBlank(ctx.operator)) add('operator', '未设置开票人：请先为当前操作员填写姓名')
  return issues
}
