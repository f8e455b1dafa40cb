// Issue 12: the sandbox's answer to one full 入账 request — 2,000 rows (smoke: 100), the platform's
// file limit — over HTTP on 127.0.0.1 through the client's own call (platformClient.bookings), then
// 撤销入账 of the same rows, then 用途确认 of them. Floor, in the same run: the same reads and upserts
// on the same platform.db with bare better-sqlite3 in one transaction (no rules, no feed, no JSON).
// Runnable alone: `npx tsx bench/booking.ts [--smoke]` (or `npx tsx bench/run.ts booking`).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { platformClient } from '../src/main/core/sync/platformClient'
import { shanghaiMonth } from '../src/platform/clock'
import { startPlatformServer } from '../src/platform/server'
import { DB_FILE } from '../src/platform/store/open'
import { testDraft } from '../src/shared/domain/invoice/testDraft'
import { BOOKING_BATCH_MAX, type BookingBatchAnswer } from '../src/shared/platform/booking'

const SELLER = { taxId: '91440300MA5G0X1U23', name: '深圳市测试科技有限公司', region: '44', password: 'bench-seller' }
const BUYER = { taxId: '91110108551385082Q', name: '北京示例贸易有限公司', region: '11', password: 'bench-buyer' }

const classes = (a: { results: { result: string }[] }) => [...new Set(a.results.map((r) => r.result))].join(',')

export async function bookingBench(smoke: boolean): Promise<void> {
  const count = smoke ? 100 : BOOKING_BATCH_MAX
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-bench-booking-'))
  const server = await startPlatformServer({ dataDir: dir })
  try {
    const p = server.platform
    p.addTaxpayer({ ...SELLER, quota: '100000000.00' })
    p.addTaxpayer(BUYER)
    const base = testDraft()
    const request = { draft: testDraft({ buyer: { ...base.buyer, name: BUYER.name, taxId: BUYER.taxId } }), drawer: '基准' }
    const numbers = Array.from({ length: count }, (_, i) => p.issue(SELLER.taxId, request, `bench-${i}`).number)
    const period = shanghaiMonth(new Date())
    const client = platformClient(server.url)
    const token = (await client.login(BUYER.taxId, BUYER.password)).token

    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const t0 = performance.now()
      const r = await work()
      return [r, performance.now() - t0]
    }
    let peak = process.memoryUsage().rss
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const [booked, bookMs] = await timed(() => client.bookings(token, 'bench-book', { rows: numbers.map((number) => ({ number, book: true, period })) }))
    const [undone, undoMs] = await timed(() => client.bookings(token, 'bench-undo', { rows: numbers.map((number) => ({ number, book: false })) }))
    const [used, useMs] = await timed(() => client.useConfirmations(token, 'bench-use', { rows: numbers.map((number) => ({ number, use: 'deduct' as const })) }))
    const [replayed, replayMs] = await timed(() => client.bookings(token, 'bench-book', { rows: numbers.map((number) => ({ number, book: true, period })) }))
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    const same = JSON.stringify(replayed) === JSON.stringify(booked satisfies BookingBatchAnswer)

    // the floor: read each invoice with its booking, upsert the booking, one transaction
    const db = new Database(path.join(dir, DB_FILE))
    const read = db.prepare(
      'SELECT i.colour, i.red_status, i.month, b.status FROM invoices i LEFT JOIN bookings b ON b.invoice_number = i.number WHERE i.number = ? AND i.buyer_tax_id = ?',
    )
    const upsert = db.prepare(
      `INSERT INTO bookings (invoice_number, buyer_tax_id, status, period, updated_at) VALUES (?, ?, '02', ?, 'x')
       ON CONFLICT (invoice_number) DO UPDATE SET status = excluded.status, period = excluded.period`,
    )
    const f0 = performance.now()
    db.transaction(() => {
      for (const n of numbers) {
        read.get(n, BUYER.taxId)
        upsert.run(n, BUYER.taxId, period)
      }
    })()
    const floorMs = performance.now() - f0
    db.close()

    console.log(`入账 / 用途确认 (issue 12): ${count} rows a request over HTTP (platformClient), the sandbox in this process`)
    console.log(`  入账 ${bookMs.toFixed(0)} ms (${classes(booked)}); 撤销入账 ${undoMs.toFixed(0)} ms (${classes(undone)}); 用途确认 ${useMs.toFixed(0)} ms (${classes(used)})`)
    console.log(`  replay of the 入账 request: ${replayMs.toFixed(0)} ms, ${same ? '✓ the same answer' : '✗ a different answer'}`)
    console.log(`  floor, the same reads and upserts with bare better-sqlite3 in one transaction: ${floorMs.toFixed(0)} ms`)
    console.log(`  入账 ÷ floor ${(bookMs / floorMs).toFixed(1)}×; peak RSS of this process (sandbox and client) ${(peak / 1024 / 1024).toFixed(0)} MB`)
  } finally {
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('bench/booking.ts')) await bookingBench(process.argv.includes('--smoke'))
