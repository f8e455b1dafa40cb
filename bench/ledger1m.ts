// A realistic company ledger of any size for 发票查询's benchmark and tests (issue 11 "Scale"):
// `npx tsx bench/ledger1m.ts --count 1000000 --out DIR` makes DIR/companies/<税号>/ledger.db.
// The company is created by the core (the real migrations, its tax-code table); the invoices are
// then written with prepared statements in big transactions, the ledger's triggers filling the
// counterparty keys and the 项目名称 index as they would for invoices the app writes.
// About 3 lines each from a few hundred leaf codes of the real table, a few thousand customers with
// real-looking names (some people too), two years of dates, both kinds, ~3% red (each with its blue
// number; the blue one partly or fully reversed), a few 待开具/开具失败 and drafts, and ~5% 进项.
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { createCore } from '../src/main/core/app'
import { openLedgerConnection } from '../src/main/core/ledger/open'
import { computeDraft, fenOf, invoiceRows, type ComputedDraft, type DraftLine } from '../src/shared/domain/invoice'

export const LEDGER_COMPANY = { name: '深圳市星河数据科技有限公司', taxId: '91440300MA5G0X1U23', region: '44' as const, operator: '王会计' }

/** seeded, so a ledger of the same size is the same ledger every time */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! }
}
type Rng = ReturnType<typeof rng>

// prettier-ignore
const CITIES = ['北京', '上海', '深圳市', '广州市', '杭州', '成都', '重庆', '武汉市', '南京', '苏州', '西安', '天津', '长沙', '郑州', '青岛', '厦门', '东莞市', '佛山市', '宁波', '合肥']
const TRADE_NAMES = [
  '华为',
  '腾飞',
  '星河',
  '鼎盛',
  '恒通',
  '宏远',
  '金桥',
  '瑞丰',
  '博达',
  '中科',
  '新世纪',
  '万达',
  '海纳',
  '锦程',
  '天成',
  '华润',
  '东方',
  '远大',
  '明珠',
  '永兴',
  '盛世',
  '联创',
  '智源',
  '云帆',
  '信达',
  '泰和',
  '嘉禾',
  '广源',
  '银河',
  '长城',
  '汇丰',
  '德胜',
  '安泰',
  '凯旋',
  '启明',
  '正阳',
  '蓝海',
  '华夏',
  '九州',
  '同心',
  '创新',
  '卓越',
  '卓信',
  '开元',
  '富民',
  '兴业',
  '和信',
  '宝利',
  '美佳',
  '诚信',
]
// prettier-ignore
const TRADES = ['技术', '科技', '信息技术', '网络科技', '贸易', '商贸', '建筑工程', '电子', '机械设备', '物流', '餐饮管理', '文化传媒', '医疗器械', '食品', '实业', '咨询服务', '软件', '新材料']
const SUFFIXES = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司']
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴']
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '强', '军']
const DRAWERS = ['王会计', '李出纳', '张晓敏', '陈开票']
const TAX_ID_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

interface Party {
  name: string
  taxId: string
  person: boolean
}

function taxIdOf(r: Rng): string {
  let s = `91${String(110000 + r.int(540000)).slice(0, 6)}`
  while (s.length < 18) s += TAX_ID_CHARS[r.int(TAX_ID_CHARS.length)]
  return s
}

function parties(r: Rng, n: number, people: number): Party[] {
  const seen = new Set<string>(['华为技术有限公司'])
  // one well-known name, so `hwjs` finds something in every ledger
  const out: Party[] = [{ name: '华为技术有限公司', taxId: '914403001922038216', person: false }]
  while (out.length < n) {
    const name = `${r.pick(CITIES)}${r.pick(TRADE_NAMES)}${r.pick(TRADES)}${r.pick(SUFFIXES)}`
    if (seen.has(name)) continue
    seen.add(name)
    out.push({ name, taxId: taxIdOf(r), person: false })
  }
  for (let i = 0; i < people; i++) out.push({ name: `${r.pick(SURNAMES)}${r.pick(GIVEN)}${r.pick(['', ...GIVEN])}`, taxId: '', person: true })
  return out
}

interface Item {
  name: string
  taxCode: string
  taxRate: string
  unit: string
}

/** leaf codes of the company's own table with a plain 13% / 9% / 6% rate: what a company sells */
function catalogue(db: Database.Database, r: Rng, n: number): Item[] {
  const leaves = db.prepare(`SELECT code, name, rates FROM tax_codes WHERE is_leaf = 1 AND special_management = '' AND rates IN ('13%', '9%', '6%') ORDER BY code`).all() as {
    code: string
    name: string
    rates: string
  }[]
  const units = ['个', '台', '件', '套', '项', '次', '箱', '千克', '米', '月']
  const out: Item[] = []
  const step = Math.max(1, Math.floor(leaves.length / n))
  for (let i = 0; i < leaves.length && out.length < n; i += step) {
    const l = leaves[(i + r.int(step)) % leaves.length]!
    out.push({ name: l.name, taxCode: l.code, taxRate: String(Number(l.rates.replace('%', '')) / 100), unit: r.pick(units) })
  }
  return out
}

interface LineSet {
  /** the computed draft's JSON without kind and buyer: `"lines":[…],…` */
  json: string
  draft: ComputedDraft
  rows: ReturnType<typeof invoiceRows>
  fen: { amount: number; tax: number; total: number }
}

function lineSet(r: Rng, items: Item[]): LineSet {
  const count = [1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6][r.int(11)]!
  const lines: DraftLine[] = Array.from({ length: count }, () => {
    const item = r.pick(items)
    return {
      name: item.name,
      taxCode: item.taxCode,
      spec: r.next() < 0.3 ? `${String.fromCharCode(65 + r.int(26))}-${100 + r.int(900)}` : '',
      unit: item.unit,
      quantity: String(1 + r.int(20)),
      unitPrice: `${10 + r.int(5000)}.${String(r.int(100)).padStart(2, '0')}`,
      amount: null,
      taxRate: item.taxRate,
      policy: null,
      discount: null,
    }
  })
  const draft = computeDraft({
    kind: '82',
    taxMode: '普通征税',
    priceIncludesTax: false,
    buyer: { type: '企业', name: '', taxId: '', address: '', phone: '', bank: '', account: '', showAddressPhone: false, showBank: false },
    lines,
    extras: [],
    remark: '',
    agent: null,
    payee: '',
    reviewer: '',
  })
  const { kind: _kind, buyer: _buyer, ...rest } = draft
  return {
    json: JSON.stringify(rest).slice(1, -1),
    draft,
    rows: invoiceRows(draft),
    fen: { amount: fenOf(draft.totals.amount), tax: fenOf(draft.totals.tax), total: fenOf(draft.totals.total) },
  }
}

const neg = (s: string | null | undefined) => (s == null || s === '' || /^[0.]+$/.test(s) ? s : s.startsWith('-') ? s.slice(1) : `-${s}`)

/** a red invoice's content: all the blue's lines negated (全额), or its first line only (部分) */
function redOf(blue: LineSet, full: boolean): LineSet {
  const lines = (full ? blue.draft.lines : blue.draft.lines.slice(0, 1)).map((l) => ({ ...l, quantity: neg(l.quantity) ?? null, amount: neg(l.amount) ?? null, tax: neg(l.tax) }))
  const rows = (full ? blue.rows : blue.rows.filter((x) => x.line === 0)).map((x) => ({ ...x, quantity: neg(x.quantity) ?? null, amount: neg(x.amount)!, tax: neg(x.tax)! }))
  const fen = {
    amount: -rows.reduce((s, x) => s - fenOf(x.amount), 0),
    tax: -rows.reduce((s, x) => s - fenOf(x.tax), 0),
    total: 0,
  }
  fen.total = fen.amount + fen.tax
  const money = (f: number) => `${f < 0 ? '-' : ''}${Math.floor(Math.abs(f) / 100)}.${String(Math.abs(f) % 100).padStart(2, '0')}`
  const totals = { amount: money(fen.amount), tax: money(fen.tax), total: money(fen.total), totalInWords: '' }
  const draft = { ...blue.draft, lines, totals }
  const { kind: _kind, buyer: _buyer, ...rest } = draft
  return { json: JSON.stringify(rest).slice(1, -1), draft, rows, fen }
}

export interface FillOptions {
  /** 销项 invoices */
  count: number
  /** 进项 invoices (default 5% of count) */
  purchases?: number
  seed?: number
  /** the last day of the two years (default today) */
  end?: Date
  /** days covered (default two years) */
  days?: number
  /** progress, once per transaction */
  onProgress?: (done: number) => void
}

export interface FillResult {
  invoices: number
  lines: number
  purchases: number
  red: number
  ms: number
}

const pad = (n: number, w: number) => String(n).padStart(w, '0')

/** `2026-12-03T15:04:05+08:00` of a day index and a second of that day (Asia/Shanghai) */
function isoAt(startUtcMs: number, day: number, second: number): string {
  const d = new Date(startUtcMs + day * 86_400_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T${pad(Math.floor(second / 3600), 2)}:${pad(Math.floor(second / 60) % 60, 2)}:${pad(second % 60, 2)}+08:00`
}

/** Writes the invoices into an open, migrated ledger that has its company and tax-code table. */
export function fillLedger(db: Database.Database, opts: FillOptions): FillResult {
  const t0 = performance.now()
  const r = rng(opts.seed ?? 20261203)
  const days = opts.days ?? 730
  const end = opts.end ?? new Date()
  const endDay = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate())
  const startMs = endDay - (days - 1) * 86_400_000
  const customers = parties(r, Math.min(3000, Math.max(20, Math.round(opts.count / 300))), Math.min(300, Math.max(3, Math.round(opts.count / 3000))))
  const suppliers = parties(r, Math.min(400, Math.max(10, Math.round(opts.count / 2000))), 0)
  const items = catalogue(db, r, 300)
  const pool = Array.from({ length: Math.min(4000, Math.max(50, opts.count)) }, () => lineSet(r, items))

  const insertInvoice = db.prepare(`INSERT INTO invoices (state, kind, buyer_name, buyer_tax_id, amount_fen, tax_fen, total_fen, line_count, document, drawer, number,
      failure, queued_at, issued_at, qr, quota_used_fen, colour, red_status, blue_number, red_confirmation_number, revision, created_at, updated_at)
    VALUES (@state, @kind, @buyerName, @buyerTaxId, @amount, @tax, @total, @lineCount, @document, @drawer, @number,
      @failure, @queuedAt, @issuedAt, NULL, @quota, @colour, 'normal', @blueNumber, @confirmation, 1, @at, @at)`)
  const insertLine = db.prepare(`INSERT INTO invoice_lines (invoice_id, position, nature, name, tax_code, spec, unit, quantity, unit_price, amount_fen, tax_rate, tax_fen, policy)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertCommand =
    db.prepare(`INSERT INTO outbox (command, document_type, document_id, idempotency_key, payload, state, attempts, next_attempt_at, last_error, created_at, updated_at)
    VALUES ('issue-invoice', 'invoice', ?, ?, '{}', ?, ?, NULL, ?, ?, ?)`)
  const reverse = db.prepare('UPDATE invoices SET red_status = ? WHERE id = ?')
  const insertReceived =
    db.prepare(`INSERT INTO received_invoices (number, kind, issued_at, seller_tax_id, seller_name, amount_fen, tax_fen, total_fen, line_count, document, received_at, colour, red_status, booking)
    VALUES (@number, @kind, @issuedAt, @sellerTaxId, @sellerName, @amount, @tax, @total, @lineCount, @document, @issuedAt, @colour, @redStatus, @booking)`)

  const company = db.prepare('SELECT tax_id AS taxId, name FROM company WHERE id = 1').get() as { taxId: string; name: string }
  /** recent blue invoices a red one may reverse: [id, number, pool index] */
  const blues: [number, string, number][] = []
  const reversed = new Set<number>()
  let lines = 0
  let red = 0
  const yy = (day: number) => String(new Date(startMs + day * 86_400_000).getUTCFullYear()).slice(2)
  const BATCH = 20_000

  const writeSales = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const day = Math.floor((i * days) / opts.count)
      const second = 8 * 3600 + r.int(12 * 3600)
      const at = isoAt(startMs, day, second)
      const buyer = r.pick(customers)
      const kind = buyer.person ? '82' : r.next() < 0.55 ? '81' : '82'
      // the last days hold the invoices still on their way: a few 待开具 / 开具失败 and drafts
      const recent = i >= opts.count - Math.max(3, Math.round(opts.count / 2000))
      const roll = r.next()
      const state = recent ? (roll < 0.4 ? 'queued' : roll < 0.7 ? 'failed' : 'draft') : 'issued'
      let set = r.int(pool.length)
      let content = pool[set]!
      let colour: 'blue' | 'red' = 'blue'
      let blueNumber: string | null = null
      if (state === 'issued' && blues.length > 50 && r.next() < 0.03) {
        const [blueId, number, blueSet] = blues[blues.length - 1 - r.int(Math.min(blues.length, 5000))]!
        if (!reversed.has(blueId)) {
          const full = r.next() < 0.6
          content = redOf(pool[blueSet]!, full)
          set = blueSet
          colour = 'red'
          blueNumber = number
          reversed.add(blueId)
          reverse.run(full ? 'fully-reversed' : 'partly-reversed', blueId)
          red++
        }
      }
      const number = state === 'issued' ? `${yy(day)}442000000${pad(i + 1, 9)}` : null
      const buyerJson = JSON.stringify({
        type: buyer.person ? '自然人' : '企业',
        name: buyer.name,
        taxId: buyer.taxId,
        address: '',
        phone: '',
        bank: '',
        account: '',
        showAddressPhone: false,
        showBank: false,
      })
      const platform = state === 'issued' && r.next() < 0.05
      const id = Number(
        insertInvoice.run({
          state,
          kind,
          buyerName: buyer.name,
          buyerTaxId: buyer.taxId,
          amount: content.fen.amount,
          tax: content.fen.tax,
          total: content.fen.total,
          lineCount: content.draft.lines.length,
          document: `{"kind":"${kind}","buyer":${buyerJson},${content.json}}`,
          drawer: state === 'draft' ? '' : r.pick(DRAWERS),
          number,
          failure: state === 'failed' ? '授信额度不足，请申请调整额度后重试' : null,
          queuedAt: state === 'draft' || platform ? null : at,
          issuedAt: state === 'issued' ? at : null,
          quota: state === 'issued' ? content.fen.amount : null,
          colour,
          blueNumber,
          confirmation: blueNumber ? `${company.taxId.slice(0, 6)}${pad(i, 14)}` : null,
          at,
        }).lastInsertRowid,
      )
      if (state !== 'draft') {
        content.rows.forEach((x, position) => {
          insertLine.run(id, position, x.nature, x.name, x.taxCode, x.spec, x.unit, x.quantity, x.unitPrice, fenOf(x.amount), x.taxRate, fenOf(x.tax), x.policy)
          lines++
        })
        if (!platform) {
          const cmd = state === 'issued' ? 'done' : state === 'failed' ? 'failed' : 'pending'
          insertCommand.run(id, `bench-${pad(i, 12)}`, cmd, state === 'queued' ? 0 : 1, state === 'failed' ? '授信额度不足' : null, at, at)
        }
      }
      if (state === 'issued' && colour === 'blue') {
        blues.push([id, number!, set])
        if (blues.length > 20_000) blues.splice(0, 10_000)
      }
    }
  }

  const purchases = opts.purchases ?? Math.round(opts.count / 20)
  const writePurchases = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const day = Math.floor((i * days) / Math.max(1, purchases))
      const at = isoAt(startMs, day, 8 * 3600 + r.int(12 * 3600))
      const seller = r.pick(suppliers)
      const content = pool[r.int(pool.length)]!
      const isRed = r.next() < 0.02
      const c = isRed ? redOf(content, true) : content
      const kind = r.next() < 0.7 ? '81' : '82'
      const number = `${yy(day)}112000000${pad(i + 1, 9)}`
      const redStatus = isRed ? 'normal' : r.next() < 0.02 ? 'fully-reversed' : 'normal'
      const inv = {
        number,
        kind,
        colour: isRed ? 'red' : 'blue',
        issuedAt: at,
        seller: { taxId: seller.taxId, name: seller.name },
        buyer: { name: company.name, taxId: company.taxId, registered: true },
        draft: {
          ...c.draft,
          kind,
          buyer: { type: '企业', name: company.name, taxId: company.taxId, address: '', phone: '', bank: '', account: '', showAddressPhone: false, showBank: false },
        },
        drawer: r.pick(['刘开票', '赵会计', '孙出纳']),
        amount: c.draft.totals.amount,
        tax: c.draft.totals.tax,
        total: c.draft.totals.total,
        quotaUsed: c.draft.totals.amount,
        qr: '',
        redStatus,
        clientRef: null,
        redOf: isRed ? { blueNumber: `${yy(day)}112000001${pad(i, 9)}`, confirmationNumber: `${seller.taxId.slice(0, 6)}${pad(i, 14)}` } : null,
      }
      insertReceived.run({
        number,
        kind,
        issuedAt: at,
        sellerTaxId: seller.taxId,
        sellerName: seller.name,
        amount: c.fen.amount,
        tax: c.fen.tax,
        total: c.fen.total,
        lineCount: c.draft.lines.length,
        document: JSON.stringify(inv),
        colour: inv.colour,
        redStatus,
        booking: r.pick(['01', '01', '01', '02', '03', '04', '05', '06']),
      })
    }
  }

  for (let i = 0; i < opts.count; i += BATCH) {
    db.transaction(() => writeSales(i, Math.min(opts.count, i + BATCH)))()
    opts.onProgress?.(Math.min(opts.count, i + BATCH))
  }
  for (let i = 0; i < purchases; i += BATCH) db.transaction(() => writePurchases(i, Math.min(purchases, i + BATCH)))()
  return { invoices: opts.count, lines, purchases, red, ms: performance.now() - t0 }
}

/** A data directory with the company (made by the core) and its ledger filled; returns the ledger's file. */
export async function makeLedger(dataDir: string, opts: FillOptions): Promise<{ file: string; result: FillResult }> {
  const core = createCore({ dataDir })
  try {
    await core.call('companies.create', LEDGER_COMPANY)
  } finally {
    core.close()
  }
  const file = path.join(dataDir, 'companies', LEDGER_COMPANY.taxId, 'ledger.db')
  const ledger = openLedgerConnection(file)
  try {
    // a generated ledger, not books: no fsync per transaction while it is written
    ledger.db.pragma('synchronous = OFF')
    ledger.db.pragma('cache_size = -262144')
    return { file, result: fillLedger(ledger.db, opts) }
  } finally {
    ledger.close()
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  const count = Number(arg('count') ?? 1_000_000)
  const out = arg('out')
  if (!out || !Number.isInteger(count) || count < 1) {
    console.error('用法：npx tsx bench/ledger1m.ts --count 1000000 --out 目录')
    process.exit(2)
  }
  if (fs.existsSync(path.join(out, 'companies'))) {
    console.error(`目录 ${out} 已有账簿，请换一个空目录`)
    process.exit(2)
  }
  fs.mkdirSync(out, { recursive: true })
  const { file, result } = await makeLedger(out, {
    count,
    onProgress: (n) => process.stdout.write(`\r${n.toLocaleString('en')} / ${count.toLocaleString('en')}`),
  })
  const mb = Math.round(fs.statSync(file).size / 1048576)
  console.log(
    `\n${result.invoices.toLocaleString('en')} 销项 (${result.red.toLocaleString('en')} red, ${result.lines.toLocaleString('en')} lines) + ${result.purchases.toLocaleString('en')} 进项 in ${(result.ms / 1000).toFixed(1)} s → ${file} (${mb} MB)`,
  )
}
