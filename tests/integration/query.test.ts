// 发票查询 over real ledgers: each filter alone and combined on both sides, drafts never listed,
// paging that never repeats or skips a row among equal dates, totals of everything that matches,
// selections (ticked rows or all that match), 拼音首字母, the 1–2 character 项目名称 search, and bad
// filters refused in Chinese.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { InvoiceFilterInput } from '../../src/shared/api/invoiceQuery'
import { invoiceFilter, invoiceSelection } from '../../src/shared/api/invoiceQuery'
import type { Core } from '../../src/main/core/app'
import { countAndTotals, matchingRows, selectionTotals, summedTotals } from '../../src/main/core/features/query/filter'
import { openLedger, openLedgerConnection, type Ledger } from '../../src/main/core/ledger/open'
import { findAppDir } from '../../src/main/core/app'
import { systemClock } from '../../src/shared/clock'
import { getTableColumns, getTableName } from 'drizzle-orm'
import { rowWriter } from '../../src/main/core/ledger/rowWriter'
import { invoiceLines, invoices, outbox } from '../../src/main/core/ledger/schema'
import type { RedStatus } from '../../src/shared/platform/wire'
import { fillLedger } from '../../bench/ledger1m'
import { rejection, SELLER, tempDir, testCore } from '../support/core'

interface Sale {
  state?: 'draft' | 'queued' | 'issuing' | 'issued' | 'failed'
  kind?: '81' | '82'
  buyer?: [string, string]
  total?: number
  at?: string
  number?: string
  colour?: 'blue' | 'red'
  redStatus?: RedStatus
  drawer?: string
  lines?: string[]
  command?: 'done' | 'pending' | 'failed'
}

async function ledgerOf(): Promise<{ core: Core; ledger: Ledger }> {
  const dataDir = tempDir()
  const core = await testCore({ dataDir })
  const ledger = openLedgerConnection(path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db'))
  return { core, ledger }
}

/**
 * A row with the values given, in the columns this ledger has: the migration tests write into a
 * ledger of an older version, whose tables lack the newer columns (their defaults follow later).
 */
function insertKnown(ledger: Ledger, table: typeof invoices, values: Partial<typeof invoices.$inferInsert>): number {
  const has = new Set(ledger.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(getTableName(table)) as string[])
  const columns = Object.entries(getTableColumns(table)).filter(([key, c]) => has.has(c.name) && values[key as keyof typeof values] !== undefined)
  const sql = `INSERT INTO "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
  return Number(ledger.db.prepare(sql).run(...columns.map(([key]) => values[key as keyof typeof values])).lastInsertRowid)
}

let numbers = 0
/** a 销项 invoice as the ledger holds it (the triggers of migration 0005 fill the search tables) */
function addSale(ledger: Ledger, s: Sale = {}): number {
  const state = s.state ?? 'issued'
  const at = s.at ?? '2026-11-15T10:00:00+08:00'
  const total = s.total ?? 1130
  const amount = Math.round(total / 1.13)
  const [buyerName, buyerTaxId] = s.buyer ?? ['华为技术有限公司', '914403001922038216']
  const id = insertKnown(ledger, invoices, {
    state,
    kind: s.kind ?? '82',
    buyerName,
    buyerTaxId,
    amountFen: amount,
    taxFen: total - amount,
    totalFen: total,
    lineCount: (s.lines ?? ['软件开发服务']).length,
    document: '{}',
    drawer: state === 'draft' ? '' : (s.drawer ?? '王会计'),
    number: state === 'issued' ? (s.number ?? `264420000000${String(++numbers).padStart(8, '0')}`) : null,
    queuedAt: state === 'draft' ? null : at,
    issuedAt: state === 'issued' ? at : null,
    colour: s.colour ?? 'blue',
    redStatus: s.redStatus ?? 'normal',
    createdAt: at,
    updatedAt: at,
  })
  if (state !== 'draft') {
    const lines = rowWriter(ledger.db, invoiceLines)
    ;(s.lines ?? ['软件开发服务']).forEach((name, position) =>
      lines.insert({ invoiceId: id, position, nature: '00', name, taxCode: '3040201010000000000', amountFen: 100, taxRate: '0.13', taxFen: 13 }),
    )
  }
  if (s.command)
    rowWriter(ledger.db, outbox).insert({
      command: 'issue-invoice',
      documentType: 'invoice',
      documentId: id,
      idempotencyKey: `k-${id}`,
      payload: '{}',
      state: s.command,
      createdAt: at,
      updatedAt: at,
    })
  return id
}

interface Purchase {
  number: string
  seller?: [string, string]
  at?: string
  total?: number
  lines?: string[]
  booking?: string
  redStatus?: RedStatus
  colour?: 'blue' | 'red'
  drawer?: string
}

/** a 进项 invoice as the change feed writes it: the platform's document, its lines inside */
function addPurchase(ledger: Ledger, p: Purchase): void {
  const [sellerName, sellerTaxId] = p.seller ?? ['北京示例贸易有限公司', '91110108551385082Q']
  const total = p.total ?? 2260
  const lines = (p.lines ?? ['办公用品']).map((name) => ({ name }))
  ledger.db
    .prepare(
      `INSERT INTO received_invoices (number, kind, issued_at, seller_tax_id, seller_name, amount_fen, tax_fen, total_fen, line_count, document, received_at, colour, red_status, booking)
       VALUES (?, '81', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      p.number,
      p.at ?? '2026-11-20T09:00:00+08:00',
      sellerTaxId,
      sellerName,
      Math.round(total / 1.13),
      total - Math.round(total / 1.13),
      total,
      lines.length,
      JSON.stringify({ number: p.number, drawer: p.drawer ?? '刘开票', draft: { lines } }),
      '2026-11-21T00:00:00+08:00',
      p.colour ?? 'blue',
      p.redStatus ?? 'normal',
      p.booking ?? '01',
    )
}

async function keys(core: Core, filter: InvoiceFilterInput): Promise<string[]> {
  const r = await core.call('invoices.query', { ...filter, size: 500 })
  return r.rows.map((x) => x.key).sort()
}

const S = (...ids: number[]) => ids.map((i) => `S:${i}`).sort()

describe('发票查询: each filter of 销项', () => {
  it('filters by 开票日期 (a 待开具 / 开具失败 one by its queued day), and never lists drafts', async () => {
    const { core, ledger } = await ledgerOf()
    const oct = addSale(ledger, { at: '2026-10-31T23:59:59+08:00' })
    const nov1 = addSale(ledger, { at: '2026-11-01T00:00:00+08:00' })
    const nov30 = addSale(ledger, { at: '2026-11-30T23:59:59+08:00' })
    const queued = addSale(ledger, { state: 'queued', at: '2026-11-10T08:00:00+08:00' })
    const issuing = addSale(ledger, { state: 'issuing', at: '2026-11-11T08:00:00+08:00' })
    const failed = addSale(ledger, { state: 'failed', at: '2026-12-02T08:00:00+08:00' })
    addSale(ledger, { state: 'draft', at: '2026-11-12T08:00:00+08:00' })
    expect(await keys(core, {})).toEqual(S(oct, nov1, nov30, queued, issuing, failed))
    expect(await keys(core, { from: '2026-11-01', to: '2026-11-30' })).toEqual(S(nov1, nov30, queued, issuing))
    expect(await keys(core, { from: '2026-11-30' })).toEqual(S(nov30, failed))
    expect(await keys(core, { to: '2026-10-31' })).toEqual(S(oct))
    expect(await keys(core, { status: '待开具' })).toEqual(S(queued, issuing))
    expect(await keys(core, { status: 'failed' })).toEqual(S(failed))
    const [row] = (await core.call('invoices.query', { status: 'queued', sort: 'issuedAt', order: 'asc' })).rows
    expect(row).toMatchObject({ key: `S:${queued}`, side: '销项', id: queued, number: null, state: 'queued', issuedAt: '2026-11-10T08:00:00+08:00' })
  })

  it('filters by number prefix, kind, colour, 红冲状态, 价税合计 range, 开票人 and 同步状态', async () => {
    const { core, ledger } = await ledgerOf()
    const a = addSale(ledger, { number: '26442000000000000101', kind: '81', total: 100_00, drawer: '王会计', command: 'done' })
    const b = addSale(ledger, { number: '26442000000000000202', kind: '82', total: 5000_00, redStatus: 'partly-reversed', drawer: '李出纳' })
    const c = addSale(ledger, { number: '26442000000000000203', kind: '82', total: 10000_00, redStatus: 'fully-reversed', command: 'done' })
    const red = addSale(ledger, { number: '26442000000000000301', colour: 'red', total: -10000_00, command: 'done' })
    const q = addSale(ledger, { state: 'queued', command: 'pending' })
    expect(await keys(core, { number: '264420000000000002' })).toEqual(S(b, c))
    expect(await keys(core, { number: '26442000000000000101' })).toEqual(S(a))
    expect(await keys(core, { kind: '81' })).toEqual(S(a))
    expect(await keys(core, { colour: 'red' })).toEqual(S(red))
    expect(await keys(core, { colour: 'blue', status: '正常' })).toEqual(S(a))
    expect(await keys(core, { status: '部分红冲' })).toEqual(S(b))
    expect(await keys(core, { status: 'fully-reversed' })).toEqual(S(c))
    expect(await keys(core, { min: '100', max: '5000.00' })).toEqual(S(a, b))
    expect(await keys(core, { max: '0' })).toEqual(S(red))
    expect(await keys(core, { min: '-10000', max: '-10000' })).toEqual(S(red))
    expect(await keys(core, { drawer: '李出纳' })).toEqual(S(b))
    expect(await keys(core, { syncState: 'done' })).toEqual(S(a, c, red))
    expect(await keys(core, { syncState: 'pending' })).toEqual(S(q))
    expect(await keys(core, { syncState: 'local' })).toEqual(S(b))
  })

  it('finds the buyer by 名称 contains, 税号 prefix and 拼音首字母, on the real 开票 path too', async () => {
    const { core, ledger } = await ledgerOf()
    const hw = addSale(ledger, { buyer: ['华为技术有限公司', '914403001922038216'] })
    const cq = addSale(ledger, { buyer: ['重庆银行股份有限公司', '91500000202869177Y'] })
    const person = addSale(ledger, { buyer: ['张伟', ''] })
    expect(await keys(core, { counterparty: '技术' })).toEqual(S(hw))
    expect(await keys(core, { counterparty: 'hwjs' })).toEqual(S(hw))
    expect(await keys(core, { counterparty: 'HWJS' })).toEqual(S(hw))
    expect(await keys(core, { counterparty: 'jsyx' })).toEqual(S(hw))
    // pinyin-pro reads 重庆 as chongqing and 银行 as yinhang
    expect(await keys(core, { counterparty: 'cqyh' })).toEqual(S(cq))
    expect(await keys(core, { counterparty: '915000' })).toEqual(S(cq))
    expect(await keys(core, { counterparty: '91' })).toEqual(S(hw, cq))
    expect(await keys(core, { counterparty: 'zw' })).toEqual(S(person))
    expect(await keys(core, { counterparty: '100%' })).toEqual([])

    // a draft typed and issued by the user: the trigger keys its buyer once it is queued
    const draft = {
      kind: '82' as const,
      buyer: { type: '企业' as const, name: '深圳市腾飞网络科技有限公司', taxId: '91440300MA5FXXXX1Y' },
      lines: [{ name: '网站建设服务', taxCode: '3040201010000000000', unit: '项', quantity: '1', unitPrice: '1000', taxRate: '0.06' }],
    }
    const { id } = await core.call('invoices.saveDraft', { draft })
    expect(await keys(core, { counterparty: 'tfwl' })).toEqual([])
    await core.call('invoices.issue', { id })
    expect(await keys(core, { counterparty: 'tfwl' })).toEqual(S(id))
    expect(await keys(core, { item: '网站建设' })).toEqual(S(id))
  })

  it('finds 项目名称 contains: 3+ characters through the trigram index, 1–2 through LIKE, any line', async () => {
    const { core, ledger } = await ledgerOf()
    const soft = addSale(ledger, { lines: ['软件开发服务', '信息系统运维'] })
    const paper = addSale(ledger, { lines: ['A4复印纸', '办公椅'] })
    const chair = addSale(ledger, { lines: ['人体工学办公椅'] })
    const odd = addSale(ledger, { lines: ['100%纯棉毛巾_大号'] })
    expect(await keys(core, { item: '软件开发' })).toEqual(S(soft))
    expect(await keys(core, { item: '系统运维' })).toEqual(S(soft))
    expect(await keys(core, { item: '办公椅' })).toEqual(S(paper, chair))
    expect(await keys(core, { item: 'a4复印' })).toEqual(S(paper))
    // below a trigram: the LIKE path
    expect(await keys(core, { item: '椅' })).toEqual(S(paper, chair))
    expect(await keys(core, { item: '运维' })).toEqual(S(soft))
    expect(await keys(core, { item: 'A4' })).toEqual(S(paper))
    // typed literally: % and _ are no wildcards, on either path
    expect(await keys(core, { item: '0%' })).toEqual(S(odd))
    expect(await keys(core, { item: '%纯棉' })).toEqual(S(odd))
    expect(await keys(core, { item: '_大' })).toEqual(S(odd))
    expect(await keys(core, { item: '"纯棉' })).toEqual([])
    expect(await keys(core, { item: '服' })).toEqual(S(soft))
    // with other conditions, each of their invoices' own lines is checked
    expect(await keys(core, { item: '椅', kind: '82' })).toEqual(S(paper, chair))
    expect(await keys(core, { item: '运维', from: '2026-11-01', to: '2026-11-30' })).toEqual(S(soft))
    expect(await keys(core, { item: '_大', drawer: '王会计' })).toEqual(S(odd))
    expect(await keys(core, { item: '椅', counterparty: '不存在的公司' })).toEqual([])
  })

  it('combines filters (AND) and keeps count and totals to what matches', async () => {
    const { core, ledger } = await ledgerOf()
    const hit = addSale(ledger, { kind: '81', total: 2000_00, lines: ['办公椅'], at: '2026-11-03T10:00:00+08:00' })
    addSale(ledger, { kind: '82', total: 2000_00, lines: ['办公椅'], at: '2026-11-03T10:00:00+08:00' })
    addSale(ledger, { kind: '81', total: 50_00, lines: ['办公椅'], at: '2026-11-03T10:00:00+08:00' })
    addSale(ledger, { kind: '81', total: 2000_00, lines: ['办公桌'], at: '2026-11-03T10:00:00+08:00' })
    addSale(ledger, { kind: '81', total: 2000_00, lines: ['办公椅'], at: '2026-12-03T10:00:00+08:00' })
    const r = await core.call('invoices.query', { from: '2026-11-01', to: '2026-11-30', kind: '81', min: '1000', item: '办公椅', counterparty: 'hw' })
    expect(r.rows.map((x) => x.key)).toEqual(S(hit))
    expect(r.total).toBe(1)
    expect(r.totals).toEqual({ amount: r.rows[0]!.amount, tax: r.rows[0]!.tax, total: '2000.00' })
  })
})

describe('发票查询: 进项', () => {
  it('filters received invoices by date, seller (名称, 税号, 拼音), 项目名称 from the document, 入账, 红冲 and 开票人', async () => {
    const { core, ledger } = await ledgerOf()
    addPurchase(ledger, {
      number: '26112000000000000001',
      seller: ['北京示例贸易有限公司', '91110108551385082Q'],
      lines: ['A4复印纸', '打印机墨盒'],
      booking: '02',
      at: '2026-11-02T09:00:00+08:00',
    })
    addPurchase(ledger, {
      number: '26112000000000000002',
      seller: ['上海云帆物流有限公司', '91310000MA1FL0000X'],
      lines: ['国内运输服务'],
      redStatus: 'partly-reversed',
      drawer: '赵会计',
      at: '2026-12-01T09:00:00+08:00',
    })
    addPurchase(ledger, {
      number: '26112000000000000003',
      seller: ['上海云帆物流有限公司', '91310000MA1FL0000X'],
      lines: ['国内运输服务'],
      colour: 'red',
      total: -2260,
      at: '2026-12-02T09:00:00+08:00',
    })
    addSale(ledger, { buyer: ['北京示例贸易有限公司', '91110108551385082Q'] })
    const P = (...n: number[]) => n.map((i) => `P:2611200000000000000${i}`).sort()
    expect(await keys(core, { side: '进项' })).toEqual(P(1, 2, 3))
    expect(await keys(core, { side: '进项', from: '2026-12-01' })).toEqual(P(2, 3))
    expect(await keys(core, { side: '进项', counterparty: 'bjsl' })).toEqual(P(1))
    expect(await keys(core, { side: '进项', counterparty: '云帆' })).toEqual(P(2, 3))
    expect(await keys(core, { side: '进项', counterparty: '91310000' })).toEqual(P(2, 3))
    expect(await keys(core, { side: '进项', item: '墨盒' })).toEqual(P(1))
    expect(await keys(core, { side: '进项', item: '运输服务' })).toEqual(P(2, 3))
    expect(await keys(core, { side: '进项', item: '运输', from: '2026-12-02' })).toEqual(P(3))
    expect(await keys(core, { side: '进项', item: '墨', booking: '02' })).toEqual(P(1))
    expect(await keys(core, { side: '进项', booking: '02' })).toEqual(P(1))
    expect(await keys(core, { side: '进项', booking: '未入账' })).toEqual(P(2, 3))
    expect(await keys(core, { side: '进项', status: '部分红冲' })).toEqual(P(2))
    expect(await keys(core, { side: '进项', colour: 'red' })).toEqual(P(3))
    expect(await keys(core, { side: '进项', drawer: '赵会计' })).toEqual(P(2))
    expect(await keys(core, { side: '进项', number: '2611200000000000000' })).toEqual(P(1, 2, 3))
    expect(await keys(core, { side: '进项', max: '0' })).toEqual(P(3))
    const r = await core.call('invoices.query', { side: '进项', counterparty: '云帆' })
    expect(r.totals.total).toBe('0.00')
    expect(r.rows[0]).toMatchObject({ key: 'P:26112000000000000003', side: '进项', id: null, state: 'issued', syncState: null, booking: '01', drawer: '刘开票' })
    // the 销项 side does not see them, nor they the 销项 buyer
    expect(await keys(core, { counterparty: '云帆' })).toEqual([])
  })

  it('keeps the 项目名称 of a received invoice up to date when the feed rewrites it', async () => {
    const { core, ledger } = await ledgerOf()
    addPurchase(ledger, { number: '26112000000000000009', lines: ['旧名称商品'] })
    ledger.db
      .prepare('UPDATE received_invoices SET document = ? WHERE number = ?')
      .run(JSON.stringify({ drawer: '刘开票', draft: { lines: [{ name: '新名称商品' }] } }), '26112000000000000009')
    expect(await keys(core, { side: '进项', item: '新名称' })).toEqual(['P:26112000000000000009'])
    expect(await keys(core, { side: '进项', item: '旧名称' })).toEqual([])
  })
})

describe('发票查询: paging, sorting, totals and selections over a generated ledger', () => {
  it('pages every sort without repeating or skipping a row among equal values, and totals equal the rows', async () => {
    const { core, ledger } = await ledgerOf()
    fillLedger(ledger.db, { count: 600, purchases: 80, days: 20, end: new Date('2026-11-30T00:00:00Z') })
    // many invoices on the same second: ties that only the id breaks
    ledger.db.prepare(`UPDATE invoices SET issued_at = '2026-11-20T10:00:00+08:00' WHERE id % 3 = 0 AND state = 'issued'`).run()
    for (const side of ['销项', '进项'] as const)
      for (const sort of ['issuedAt', 'total', 'number', 'counterparty'] as const)
        for (const order of ['asc', 'desc'] as const) {
          const first = await core.call('invoices.query', { side, sort, order, size: 37 })
          const seen: string[] = []
          for (let page = 1; page <= Math.ceil(first.total / 37); page++)
            seen.push(...(await core.call('invoices.query', { side, sort, order, size: 37, page })).rows.map((r) => r.key))
          expect(new Set(seen).size, `${side} ${sort} ${order}`).toBe(first.total)
          expect(seen.length).toBe(first.total)
          // the export's iterator walks the same order
          const walked = [...matchingRows(ledger, invoiceSelection.parse({ filter: { side } }), { orderBy: { sort, order }, batch: 50 })].map((r) => r.key)
          expect(walked).toEqual(seen)
        }
    // a condition matching many: the page walks the date index instead of sorting every match — same rows
    for (const filter of [{ min: '1000' }, { max: '50000', colour: 'blue' as const }, { counterparty: '公司' }, { side: '进项' as const, min: '100' }])
      for (const order of ['asc', 'desc'] as const) {
        const walked = [...matchingRows(ledger, invoiceSelection.parse({ filter }), { orderBy: { sort: 'issuedAt', order } })].map((r) => r.key)
        const seen: string[] = []
        for (let page = 1; page <= Math.ceil(walked.length / 23); page++)
          seen.push(...(await core.call('invoices.query', { ...filter, order, size: 23, page })).rows.map((r) => r.key))
        expect(seen, JSON.stringify(filter)).toEqual(walked)
        expect(walked.length, JSON.stringify(filter)).toBeGreaterThan(40)
      }
    const all = [...matchingRows(ledger, invoiceSelection.parse({ filter: {} }))]
    const sum = (k: 'amount' | 'tax' | 'total') => all.reduce((s, r) => s + Math.round(Number(r[k]) * 100), 0)
    const t = countAndTotals(ledger, invoiceFilter.parse({}))
    expect(t.total).toBe(all.length)
    expect(t.totals).toEqual({ amount: (sum('amount') / 100).toFixed(2), tax: (sum('tax') / 100).toFixed(2), total: (sum('total') / 100).toFixed(2) })
    expect(all.some((r) => r.colour === 'red' && r.blueNumber)).toBe(true)
    expect(all.some((r) => r.redStatus === 'fully-reversed')).toBe(true)
  })

  it('reads the count and totals of date/票种/状态 filters from the day totals the triggers keep, equal to the invoices summed', async () => {
    const { core, ledger } = await ledgerOf()
    fillLedger(ledger.db, { count: 400, purchases: 60, days: 70, end: new Date('2026-11-30T00:00:00Z') })
    // what the app does to invoices afterwards: 开票 (queued), the platform issuing one, 红冲, a
    // refusal, a draft deleted, a received invoice booked, one removed
    const { id } = await core.call('invoices.saveDraft', {
      draft: {
        kind: '81',
        buyer: { name: '华为技术有限公司', taxId: '914403001922038216' },
        lines: [{ name: '咨询服务', taxCode: '3040201010000000000', quantity: '2', unitPrice: '300', taxRate: '0.06' }],
      },
    })
    await core.call('invoices.issue', { id })
    const queued = ledger.db.prepare(`SELECT id FROM invoices WHERE state = 'queued' ORDER BY id LIMIT 2`).pluck().all() as number[]
    ledger.db
      .prepare(`UPDATE invoices SET state = 'issued', number = '26442000009999999999', issued_at = '2026-11-30T12:00:00+08:00', total_fen = total_fen + 1 WHERE id = ?`)
      .run(queued[0])
    ledger.db.prepare(`UPDATE invoices SET state = 'failed', failure = '额度不足' WHERE id = ?`).run(queued[1])
    ledger.db.prepare(`UPDATE invoices SET red_status = 'fully-reversed' WHERE id = (SELECT min(id) FROM invoices WHERE state = 'issued' AND red_status = 'normal')`).run()
    ledger.db.prepare(`DELETE FROM invoices WHERE state = 'draft'`).run()
    ledger.db.prepare(`UPDATE received_invoices SET booking = '03' WHERE rowid % 4 = 0`).run()
    ledger.db.prepare(`DELETE FROM received_invoices WHERE rowid % 7 = 0`).run()
    const filters: InvoiceFilterInput[] = [
      {},
      { from: '2026-11-01', to: '2026-11-30' },
      { from: '2026-10-15', to: '2026-10-15' },
      { kind: '81' },
      { colour: 'red', from: '2026-10-01' },
      { status: 'fully-reversed' },
      { status: 'partly-reversed', to: '2026-11-10' },
      { status: 'queued' },
      { status: 'failed' },
      { status: 'normal', kind: '82' },
      { side: '进项' },
      { side: '进项', booking: '03' },
      { side: '进项', from: '2026-11-01', kind: '81', colour: 'blue' },
      { side: '进项', status: 'normal' },
    ]
    for (const input of filters) {
      const f = invoiceFilter.parse(input)
      expect(countAndTotals(ledger, f), JSON.stringify(input)).toEqual(summedTotals(ledger, f))
    }
    expect(summedTotals(ledger, invoiceFilter.parse({})).total).toBeGreaterThan(300)
  })

  it('a selection is the ticked rows (within the filter) or, without keys, everything that matches', async () => {
    const { ledger } = await ledgerOf()
    const a = addSale(ledger, { kind: '81', total: 100 })
    const b = addSale(ledger, { kind: '81', total: 200 })
    const c = addSale(ledger, { kind: '82', total: 400 })
    const ticked = invoiceSelection.parse({ filter: { kind: '81' }, keys: [`S:${a}`, `S:${c}`] })
    expect([...matchingRows(ledger, ticked)].map((r) => r.key)).toEqual([`S:${a}`])
    expect(selectionTotals(ledger, ticked)).toMatchObject({ total: 1, totals: { total: '1.00' } })
    const all = invoiceSelection.parse({ filter: { kind: '81' } })
    expect([...matchingRows(ledger, all)].map((r) => r.key).sort()).toEqual(S(a, b))
    expect(selectionTotals(ledger, all)).toMatchObject({ total: 2, totals: { total: '3.00' } })
    expect(invoiceSelection.safeParse({ filter: { side: '进项' }, keys: [`S:${a}`] }).error?.issues[0]?.message).toBe('所选发票与当前方向（进项）不符，请刷新后重新选择')
    expect(invoiceSelection.safeParse({ filter: {}, keys: ['S:abc'] }).error?.issues[0]?.message).toBe('所选发票的标识无效，请刷新后重新选择')
  })
})

describe('发票查询: migration 0005 on a ledger that already holds invoices', () => {
  it('backfills the counterparty keys, the 项目名称 index and the 进项 lines', async () => {
    const dir = tempDir()
    const all = path.join(findAppDir(), 'migrations', 'ledger')
    // the migrations before this one, as an older version shipped them
    const before = path.join(dir, 'migrations')
    fs.mkdirSync(path.join(before, 'meta'), { recursive: true })
    const journal = JSON.parse(fs.readFileSync(path.join(all, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }
    const index = journal.entries.findIndex((e) => e.tag === '0005_query')
    journal.entries = journal.entries.slice(0, index)
    fs.writeFileSync(path.join(before, 'meta', '_journal.json'), JSON.stringify(journal))
    for (const e of journal.entries) fs.copyFileSync(path.join(all, `${e.tag}.sql`), path.join(before, `${e.tag}.sql`))
    const file = path.join(dir, 'ledger.db')
    const old = await openLedger(file, { migrationsDir: before, clock: systemClock })
    const id = addSale(old, { buyer: ['重庆银行股份有限公司', '91500000202869177Y'], lines: ['软件开发服务', '椅子'] })
    addSale(old, { state: 'draft', buyer: ['草稿里的名字', ''] })
    addPurchase(old, { number: '26112000000000000001', seller: ['上海云帆物流有限公司', '91310000MA1FL0000X'], lines: ['国内运输服务'] })
    expect(old.db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'counterparties'`).get()).toEqual({ n: 0 })
    old.close()

    const ledger = await openLedger(file, { migrationsDir: all, clock: systemClock })
    const find = (filter: InvoiceFilterInput) => [...matchingRows(ledger, invoiceSelection.parse({ filter }))].map((r) => r.key)
    expect(find({ counterparty: 'cqyh' })).toEqual([`S:${id}`])
    expect(find({ item: '开发服务' })).toEqual([`S:${id}`])
    expect(find({ item: '椅' })).toEqual([`S:${id}`])
    expect(find({ side: '进项', counterparty: 'shyf' })).toEqual(['P:26112000000000000001'])
    expect(find({ side: '进项', item: '运输服务' })).toEqual(['P:26112000000000000001'])
    expect(ledger.db.prepare(`SELECT name FROM counterparties ORDER BY side, name`).pluck().all()).toEqual(['上海云帆物流有限公司', '重庆银行股份有限公司'])
    ledger.close()
  })
})

/** invoice_items as it should be: one row per non-draft invoice and distinct line name, from the lines */
function itemsFromLines(ledger: Ledger): unknown[] {
  return ledger.db
    .prepare(
      `SELECT DISTINCT n.id AS nameId, coalesce(i.issued_at, i.queued_at, '') AS dated, i.id AS invoiceId, i.kind, i.colour,
         CASE i.state WHEN 'issued' THEN i.red_status WHEN 'failed' THEN 'failed' ELSE 'queued' END AS status, i.amount_fen AS amount, i.tax_fen AS tax, i.total_fen AS total
       FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id JOIN item_names n ON n.name = l.name WHERE i.state <> 'draft' ORDER BY 1, 2, 3`,
    )
    .all()
}

function itemsTable(ledger: Ledger): unknown[] {
  return ledger.db
    .prepare(
      `SELECT name_id AS nameId, dated, invoice_id AS invoiceId, kind, colour, status, amount_fen AS amount, tax_fen AS tax, total_fen AS total FROM invoice_items ORDER BY 1, 2, 3`,
    )
    .all()
}

/** item_name_totals rows that differ from invoice_items summed per name, 票种, 红蓝字 and status */
function nameTotalsOff(ledger: Ledger): number {
  return ledger.db
    .prepare(
      `SELECT (SELECT count(*) FROM (SELECT name_id, kind, colour, status, n, amount_fen, tax_fen, total_fen FROM item_name_totals WHERE n <> 0 OR amount_fen <> 0 OR tax_fen <> 0 OR total_fen <> 0
         EXCEPT SELECT name_id, kind, colour, status, count(*), sum(amount_fen), sum(tax_fen), sum(total_fen) FROM invoice_items GROUP BY 1, 2, 3, 4))
       + (SELECT count(*) FROM (SELECT name_id, kind, colour, status, count(*), sum(amount_fen), sum(tax_fen), sum(total_fen) FROM invoice_items GROUP BY 1, 2, 3, 4
         EXCEPT SELECT name_id, kind, colour, status, n, amount_fen, tax_fen, total_fen FROM item_name_totals))`,
    )
    .pluck()
    .get() as number
}

/** rows whose other_mask lacks a bit of another name of their invoice (it may carry more, never fewer) */
function masksMissingBits(ledger: Ledger): number {
  return ledger.db
    .prepare(
      `SELECT count(*) FROM (SELECT other_mask AS have, (SELECT coalesce(sum(DISTINCT 1 << (m.id % 52)), 0) FROM invoice_lines o JOIN item_names m ON m.name = o.name
         WHERE o.invoice_id = r.invoice_id AND m.id <> r.name_id) AS need FROM invoice_items r) WHERE (have & need) <> need`,
    )
    .pluck()
    .get() as number
}

/**
 * The oracle: every 销项 invoice read plainly and filtered in JS — a 项目名称 contains (ASCII case
 * folded, as LIKE and the trigram index fold it), dates, 票种, 红蓝字, 状态 — sorted by 开票日期 then id.
 */
function plainItemScan(ledger: Ledger, f: { item: string; from?: string; to?: string; kind?: string; colour?: string; status?: string }) {
  const rows = ledger.db
    .prepare(
      `SELECT id, state, kind, colour, red_status AS redStatus, coalesce(issued_at, queued_at) AS dated, amount_fen AS amount, tax_fen AS tax, total_fen AS total FROM invoices WHERE state <> 'draft'`,
    )
    .all() as { id: number; state: string; kind: string; colour: string; redStatus: string; dated: string | null; amount: number; tax: number; total: number }[]
  const names = new Map<number, string[]>()
  for (const l of ledger.db.prepare(`SELECT invoice_id AS id, name FROM invoice_lines`).all() as { id: number; name: string }[])
    names.set(l.id, [...(names.get(l.id) ?? []), l.name])
  const fold = (t: string) => t.replace(/[A-Z]/g, (c) => c.toLowerCase())
  const status = (r: (typeof rows)[number]) => (r.state === 'issued' ? r.redStatus : r.state === 'failed' ? 'failed' : 'queued')
  const hits = rows
    .filter((r) => (names.get(r.id) ?? []).some((n) => fold(n).includes(fold(f.item))))
    .filter((r) => (!f.from || (r.dated !== null && r.dated >= f.from)) && (!f.to || (r.dated !== null && r.dated.slice(0, 10) <= f.to)))
    .filter((r) => (!f.kind || r.kind === f.kind) && (!f.colour || r.colour === f.colour) && (!f.status || status(r) === f.status))
    .sort((a, b) => ((a.dated ?? '') < (b.dated ?? '') ? -1 : (a.dated ?? '') > (b.dated ?? '') ? 1 : a.id - b.id))
  const sum = (k: 'amount' | 'tax' | 'total') => (hits.reduce((s, r) => s + r[k], 0) / 100).toFixed(2)
  return { keys: hits.map((r) => `S:${r.id}`), total: hits.length, totals: { amount: sum('amount'), tax: sum('tax'), total: sum('total') } }
}

describe('发票查询: 项目名称 through invoice_items (migration 0007)', () => {
  it('keeps invoice_items equal to the lines through 开票, 开具, 红冲, a refusal, lines rewritten and deletes', async () => {
    const { core, ledger } = await ledgerOf()
    fillLedger(ledger.db, { count: 300, purchases: 0, days: 40, end: new Date('2026-11-30T00:00:00Z') })
    expect(itemsTable(ledger)).toEqual(itemsFromLines(ledger))
    expect(masksMissingBits(ledger)).toBe(0)
    expect(nameTotalsOff(ledger)).toBe(0)
    // one invoice carrying the same name twice and another one name: one row per distinct name
    addSale(ledger, { lines: ['办公椅', '办公椅', '办公桌'], number: '26449900000000000001' })
    const { id } = await core.call('invoices.saveDraft', {
      draft: {
        kind: '81',
        buyer: { name: '华为技术有限公司', taxId: '914403001922038216' },
        lines: [{ name: '咨询服务', taxCode: '3040201010000000000', quantity: '2', unitPrice: '300', taxRate: '0.06' }],
      },
    })
    // a draft is never in it; 开票 puts it in
    expect(ledger.db.prepare(`SELECT count(*) FROM invoice_items WHERE invoice_id = ?`).pluck().get(id)).toBe(0)
    await core.call('invoices.issue', { id })
    expect(ledger.db.prepare(`SELECT count(*) FROM invoice_items WHERE invoice_id = ?`).pluck().get(id)).toBe(1)
    const queued = ledger.db.prepare(`SELECT id FROM invoices WHERE state = 'queued' ORDER BY id LIMIT 2`).pluck().all() as number[]
    ledger.db
      .prepare(`UPDATE invoices SET state = 'issued', number = '26442000009999999999', issued_at = '2026-11-30T12:00:00+08:00', total_fen = total_fen + 1 WHERE id = ?`)
      .run(queued[0])
    ledger.db.prepare(`UPDATE invoices SET state = 'failed', failure = '额度不足' WHERE id = ?`).run(queued[1])
    ledger.db.prepare(`UPDATE invoices SET red_status = 'fully-reversed' WHERE id = (SELECT min(id) FROM invoices WHERE state = 'issued' AND red_status = 'normal')`).run()
    // a line renamed, a line removed (its name still on another line of the invoice, then not), lines of an invoice replaced
    const two = ledger.db.prepare(`SELECT invoice_id FROM invoice_lines GROUP BY invoice_id HAVING count(*) >= 2 ORDER BY invoice_id LIMIT 3`).pluck().all() as number[]
    ledger.db.prepare(`UPDATE invoice_lines SET name = '全新的项目名称' WHERE invoice_id = ? AND position = 0`).run(two[0])
    ledger.db
      .prepare(`UPDATE invoice_lines SET name = (SELECT name FROM invoice_lines WHERE invoice_id = ? AND position = 0) WHERE invoice_id = ? AND position = 1`)
      .run(two[1], two[1])
    ledger.db.prepare(`DELETE FROM invoice_lines WHERE invoice_id = ? AND position = 1`).run(two[1])
    ledger.db.prepare(`DELETE FROM invoice_lines WHERE invoice_id = ?`).run(two[2])
    ledger.db.prepare(`DELETE FROM invoices WHERE id = (SELECT max(id) FROM invoices WHERE state = 'issued')`).run()
    // a draft that already has lines, then queued: its rows appear with it; queued back to a draft, they go
    const draftId = addSale(ledger, { state: 'draft' })
    const line = rowWriter(ledger.db, invoiceLines)
    ;['办公椅', '咨询服务', '办公椅'].forEach((name, position) =>
      line.insert({ invoiceId: draftId, position, nature: '00', name, taxCode: '3040201010000000000', amountFen: 100, taxRate: '0.13', taxFen: 13 }),
    )
    expect(ledger.db.prepare(`SELECT count(*) FROM invoice_items WHERE invoice_id = ?`).pluck().get(draftId)).toBe(0)
    ledger.db.prepare(`UPDATE invoices SET state = 'queued', queued_at = '2026-11-29T09:00:00+08:00' WHERE id = ?`).run(draftId)
    expect(ledger.db.prepare(`SELECT count(*) FROM invoice_items WHERE invoice_id = ?`).pluck().get(draftId)).toBe(2)
    expect(itemsTable(ledger)).toEqual(itemsFromLines(ledger))
    expect(masksMissingBits(ledger)).toBe(0)
    expect(nameTotalsOff(ledger)).toBe(0)
    ledger.db.prepare(`UPDATE invoices SET state = 'draft' WHERE id = ?`).run(draftId)
    expect(itemsTable(ledger)).toEqual(itemsFromLines(ledger))
    expect(masksMissingBits(ledger)).toBe(0)
    expect(nameTotalsOff(ledger)).toBe(0)
    expect(await keys(core, { item: '全新的项目' })).toEqual([`S:${two[0]}`])
  })

  it('counts, sums and pages a 项目名称 filter exactly as a plain scan of the invoices and their lines', async () => {
    const { core, ledger } = await ledgerOf()
    fillLedger(ledger.db, { count: 500, purchases: 0, days: 60, end: new Date('2026-11-30T00:00:00Z') })
    // invoices with two or three lines whose names all match one text: each is counted once
    addSale(ledger, { lines: ['办公椅', '办公桌', '办公柜'], total: 3000_00, number: '26449900000000000001' })
    addSale(ledger, { lines: ['办公椅', '办公椅'], total: 700_00, state: 'queued' })
    ledger.db.prepare(`UPDATE invoices SET issued_at = '2026-11-20T10:00:00+08:00' WHERE id % 4 = 0 AND state = 'issued'`).run()
    const names = ledger.db.prepare(`SELECT name FROM item_names WHERE length(name) >= 4 ORDER BY id LIMIT 3`).pluck().all() as string[]
    const texts = ['办公', '办', names[0]!.slice(1, 4), names[1]!.slice(0, 1), names[2]!.slice(-2), 'zz不存在']
    const filters = texts.flatMap((item) => [
      { item },
      { item, from: '2026-11-01', to: '2026-11-20' },
      { item, kind: '81' as const, status: 'normal' as const },
      { item, colour: 'red' as const },
      { item, status: 'queued' as const },
    ])
    for (const f of filters) {
      const want = plainItemScan(ledger, f)
      const parsed = invoiceFilter.parse(f)
      expect(countAndTotals(ledger, parsed), JSON.stringify(f)).toEqual({ total: want.total, totals: want.totals })
      const seen: string[] = []
      for (let page = 1; page <= Math.ceil(want.total / 7); page++)
        seen.push(...(await core.call('invoices.query', { ...f, sort: 'issuedAt', order: 'asc', size: 7, page })).rows.map((r) => r.key))
      expect(seen, JSON.stringify(f)).toEqual(want.keys)
      const desc = (await core.call('invoices.query', { ...f, sort: 'issuedAt', order: 'desc', size: 5, page: 2 })).rows.map((r) => r.key)
      expect(desc).toEqual([...want.keys].reverse().slice(5, 10))
      // by 价税合计 the page walks the same order as the export's iterator
      const byTotal = (await core.call('invoices.query', { ...f, sort: 'total', order: 'desc', size: 500 })).rows.map((r) => r.key)
      expect(byTotal).toEqual([...matchingRows(ledger, invoiceSelection.parse({ filter: f }), { orderBy: { sort: 'total', order: 'desc' } })].map((r) => r.key))
    }
    expect(plainItemScan(ledger, { item: '办' }).total).toBeGreaterThan(1)
  })
})

describe('发票查询: migration 0007 on a ledger that already holds invoices', () => {
  it('backfills invoice_items from the lines, drafts left out, and the 项目名称 filter finds them', async () => {
    const dir = tempDir()
    const all = path.join(findAppDir(), 'migrations', 'ledger')
    const before = path.join(dir, 'migrations')
    fs.mkdirSync(path.join(before, 'meta'), { recursive: true })
    const journal = JSON.parse(fs.readFileSync(path.join(all, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }
    journal.entries = journal.entries.slice(
      0,
      journal.entries.findIndex((e) => e.tag === '0007_item_query'),
    )
    fs.writeFileSync(path.join(before, 'meta', '_journal.json'), JSON.stringify(journal))
    for (const e of journal.entries) fs.copyFileSync(path.join(all, `${e.tag}.sql`), path.join(before, `${e.tag}.sql`))
    const file = path.join(dir, 'ledger.db')
    const old = await openLedger(file, { migrationsDir: before, clock: systemClock })
    addSale(old, { lines: ['软件开发服务', '椅子', '椅子'], total: 500_00 })
    addSale(old, { lines: ['人体工学办公椅', '办公桌'], at: '2026-10-02T10:00:00+08:00', kind: '81' })
    addSale(old, { lines: ['咨询服务'], state: 'queued' })
    addSale(old, { lines: ['椅垫'], state: 'failed', total: 90_00 })
    addSale(old, { state: 'draft' })
    expect(old.db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'invoice_items'`).pluck().get()).toBe(0)
    old.close()

    const ledger = await openLedger(file, { migrationsDir: all, clock: systemClock })
    expect(itemsTable(ledger)).toEqual(itemsFromLines(ledger))
    expect(masksMissingBits(ledger)).toBe(0)
    expect(nameTotalsOff(ledger)).toBe(0)
    expect(itemsTable(ledger).length).toBe(6)
    expect(countAndTotals(ledger, invoiceFilter.parse({ item: '开发服务' }))).toEqual({ total: 1, totals: { amount: '442.48', tax: '57.52', total: '500.00' } })
    expect(countAndTotals(ledger, invoiceFilter.parse({ item: '椅' })).total).toBe(plainItemScan(ledger, { item: '椅' }).total)
    ledger.close()
  })
})

describe('发票查询: bad filters', () => {
  it.each([
    [{ from: '2026-13-01' }, '开始日期「2026-13-01」不是有效日期'],
    [{ to: '2026-02-30' }, '结束日期「2026-02-30」不是有效日期'],
    [{ from: '2026-12-01', to: '2026-11-01' }, '结束日期 2026-11-01 早于开始日期 2026-12-01'],
    [{ min: '500', max: '100' }, '价税合计上限 100 小于下限 500'],
    [{ min: '1.234' }, '价税合计下限「1.234」不是有效金额'],
    [{ side: '销售' }, '方向应为 销项 或 进项'],
    [{ kind: '83' }, '票种应为 81（专票）或 82（普票）'],
    [{ status: '作废' }, '状态应为 正常、部分红冲、全额红冲、待开具 或 开具失败'],
    [{ side: '进项', status: '待开具' }, '进项发票都已开具，没有“待开具”或“开具失败”状态'],
    [{ booking: '02' }, '入账状态只用于进项发票'],
    [{ side: '进项', syncState: 'done' }, '同步状态只用于销项发票'],
    [{ number: '26AB' }, '发票号码应为 1 至 20 位数字'],
    [{ sort: 'buyer' }, '排序应为 issuedAt（开票日期）'],
  ] as [Record<string, unknown>, string][])('%o is refused: %s', async (input, message) => {
    const { core } = await ledgerOf()
    const e = await rejection(core.call('invoices.query', input as never))
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toContain(message)
  })

  it('treats a cleared field as no condition', async () => {
    const { core, ledger } = await ledgerOf()
    const id = addSale(ledger)
    expect(await keys(core, { from: '', to: ' ', counterparty: '', item: '', min: '', number: '' } as InvoiceFilterInput)).toEqual(S(id))
  })
})
