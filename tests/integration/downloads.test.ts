// 发票下载 against real ledger files, the real sandbox over HTTP and real files: the zip read back
// with yauzl and its 汇总.xlsx with ExcelJS, a job that survives its process being killed, cancel,
// 进项 fetched month by month (the requests counted at a proxy), the offline fallback, the 7-day
// expiry, the single lookup, and applications refused in Chinese.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { openLedgerConnection } from '../../src/main/core/ledger/open'
import { manualClock } from '../../src/shared/clock'
import { DEMO_COUNTERPARTIES } from '../../src/main/core/sync/connection'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { parseInvoiceXml } from '../../src/documents/xml'
import { issueRequestFor } from '../../src/platform/testSupport'
import { rejection, SELLER, tempDir, testCore } from '../support/core'
import { startFaultProxy } from '../support/faultProxy'
import { startTestSandbox, type TestSandbox } from '../support/sandbox'
import { readXlsx } from '../support/sheets'
import { readZip } from '../support/zipRead'

async function sandbox(opts: Parameters<typeof startTestSandbox>[1] = {}): Promise<TestSandbox> {
  const s = await startTestSandbox(path.join(tempDir(), 'platform'), opts)
  onTestFinished(() => s.stop())
  return s
}

/** issues `n` 销项 invoices through the sandbox; their numbers, oldest first */
async function issueSales(core: Core, n: number, over: Parameters<typeof testDraft>[0] = {}): Promise<string[]> {
  for (let i = 0; i < n; i++) {
    const { id } = await core.call('invoices.saveDraft', { draft: testDraft({ ...over, remark: `第 ${i + 1} 张` }) })
    await core.call('invoices.issue', { id })
  }
  expect(await core.call('sync.now', {})).toMatchObject({ pushed: n, error: null })
  const rows = await core.call('invoices.query', { side: '销项', sort: 'number', order: 'asc', size: 500 })
  return rows.rows.map((r) => r.number!)
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

async function finished(core: Core, id: number) {
  await core.downloads.idle()
  return core.call('downloads.get', { id })
}

function downloadsDir(dataDir: string): string {
  return path.join(dataDir, 'companies', SELLER.taxId, 'downloads')
}

describe('发票下载: the zip', () => {
  it("holds the platform's <发票号码>.pdf/.ofd/.xml per invoice and a 汇总.xlsx row per invoice with a 合计, private to this user", async () => {
    const platform = await sandbox()
    const dataDir = tempDir()
    const core = await testCore({ dataDir, embeddedPlatform: platform.embedded })
    const numbers = await issueSales(core, 3)
    // a draft (no 发票号码) is never in a download
    await core.call('invoices.saveDraft', { draft: testDraft() })
    const progress: number[] = []
    core.events.on((e) => e.type === 'progress' && e.jobId.startsWith('download:') && progress.push(e.done))

    const job = await core.call('downloads.create', { from: today(), to: today(), side: '销项', formats: ['xml', 'pdf', 'ofd'] })
    expect(job).toMatchObject({ state: 'pending', stateLabel: '待处理', params: { side: '销项', formats: ['pdf', 'ofd', 'xml'] } })
    const done = await finished(core, job.id)
    expect(done).toMatchObject({ state: 'done', stateLabel: '处理完成', done: 3, total: 3, note: null, error: null, expired: false })
    expect(new Date(done.expiresAt!).getTime() - new Date(done.finishedAt!).getTime()).toBe(7 * 24 * 3600_000)
    expect(progress.at(-1)).toBe(3)

    const file = await core.call('downloads.file', { id: job.id })
    expect(file.name).toBe(done.fileName)
    const zipPath = core.files.resolve(file.token).path
    expect(path.dirname(zipPath)).toBe(downloadsDir(dataDir))
    if (process.platform !== 'win32') expect(fs.statSync(zipPath).mode & 0o777).toBe(0o600)
    // nothing left beside it: no .part, no summary temp file
    expect(fs.readdirSync(downloadsDir(dataDir))).toEqual([done.fileName])

    const entries = await readZip(zipPath)
    expect([...entries.keys()].sort()).toEqual([...numbers.flatMap((n) => [`${n}.pdf`, `${n}.ofd`, `${n}.xml`]), '汇总.xlsx'].sort())
    for (const n of numbers) {
      expect(parseInvoiceXml(entries.get(`${n}.xml`)!.toString('utf8')).number).toBe(n)
      expect(entries.get(`${n}.pdf`)!.subarray(0, 5).toString()).toBe('%PDF-')
      // an OFD is itself a zip, with OFD.xml at its root
      const ofd = path.join(tempDir(), `${n}.ofd`)
      fs.writeFileSync(ofd, entries.get(`${n}.ofd`)!)
      expect((await readZip(ofd)).has('OFD.xml')).toBe(true)
      // the platform's own files (交付 keeps them): none drawn here
      expect(entries.get(`${n}.xml`)).toEqual(fs.readFileSync(path.join(dataDir, 'companies', SELLER.taxId, 'invoice-files', `${n}.xml`)))
    }

    const sheet = path.join(tempDir(), '汇总.xlsx')
    fs.writeFileSync(sheet, entries.get('汇总.xlsx')!)
    const rows = await readXlsx(sheet)
    expect(rows[0]).toEqual(['发票号码', '开票日期', '票种', '购买方名称', '购买方税号', '金额', '税额', '价税合计', '状态'])
    expect(rows.slice(1, 4)).toEqual(numbers.map((n) => [n, today(), '电子发票（增值税专用发票）', '华为技术有限公司', '914403001922038216', '10000', '600', '10600', '正常']))
    expect(rows[4]).toEqual(['合计（3 张）', '', '', '', '', '30000', '1800', '31800'])
  })

  it('refuses bad applications in Chinese, naming what to fix, and queues nothing', async () => {
    const core = await testCore({ downloadJobs: false })
    const cases: [object, RegExp][] = [
      [{ from: '2026-11-30', to: '2026-11-01', formats: ['pdf'] }, /开票日期起不能晚于开票日期止/],
      [{ from: '2026-11-01', to: '2026-11-30', formats: [] }, /请至少选择一种文件格式/],
      [{ from: '2026-02-30', to: '2026-03-01', formats: ['pdf'] }, /开票日期起「2026-02-30」不是有效日期/],
      [{ from: '2026-11-01', to: '2026-11-30', formats: ['doc'] }, /文件格式应为 pdf、ofd 或 xml/],
      [{ from: '2026-11-01', to: '2026-11-30', side: '出口', formats: ['pdf'] }, /进销项应为/],
      [{ from: '2026-11-01', to: '2026-11-30', kind: '83', formats: ['pdf'] }, /票种应为 81（专票）或 82（普票）/],
      [{ from: '2099-01-01', to: '2099-01-31', formats: ['pdf'] }, /晚于今天/],
    ]
    for (const [input, message] of cases) {
      const e = await rejection(core.call('downloads.create', input as never))
      expect(e.code).toBe('VALIDATION')
      expect(e.message).toMatch(message)
    }
    expect(await core.call('downloads.list', {})).toEqual([])
  })
})

describe('发票下载: jobs that survive and stop', () => {
  it('a job whose process was killed mid-way is taken up again by the next core and finishes', async () => {
    const platform = await sandbox()
    const dataDir = tempDir()
    const core = await testCore({ dataDir, embeddedPlatform: platform.embedded, downloadJobs: false })
    const numbers = await issueSales(core, 6)
    const job = await core.call('downloads.create', { from: today(), to: today(), formats: ['xml'] })
    core.close()

    // a core in another process takes the job and is killed while it writes the zip
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../support/downloadChild.ts'), dataDir, SELLER.taxId], { stdio: ['ignore', 'pipe', 'inherit'] })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('working') && resolve())
      child.on('exit', () => reject(new Error('the child ended before it was working')))
    })
    child.kill('SIGKILL')
    await exited

    const next = await testCore({ dataDir, company: SELLER.taxId })
    const done = await finished(next, job.id)
    // no platform for this core: the files are drawn here, and the result says so
    expect(done).toMatchObject({ state: 'done', done: 6, total: 6 })
    expect(done.note).toMatch(/^6 个文件由本机生成，非税务平台文件（/)
    const entries = await readZip(next.files.resolve((await next.call('downloads.file', { id: job.id })).token).path)
    expect(entries.size).toBe(7)
    expect(numbers.every((n) => entries.has(`${n}.xml`))).toBe(true)
    expect(fs.readdirSync(downloadsDir(dataDir))).toEqual([done.fileName])
  })

  it('a job whose owner still runs but has been silent for 2 minutes is put back; one touched recently is left alone', async () => {
    const dataDir = tempDir()
    const clock = manualClock(new Date())
    const first = await testCore({ dataDir, clock, downloadJobs: false })
    const job = await first.call('downloads.create', { from: today(), to: today(), formats: ['xml'] })
    first.close()
    // taken by a runner of this very process (alive) that then hung
    const ledger = openLedgerConnection(path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db'))
    ledger.db
      .prepare("UPDATE download_jobs SET state = 'running', owner = ?, heartbeat_at = ? WHERE id = ?")
      .run(`${os.hostname()}:${process.pid}:hung`, new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00', job.id)
    ledger.close()

    clock.advance(60_000)
    const soon = await testCore({ dataDir, clock, company: SELLER.taxId })
    await soon.downloads.idle()
    expect(await soon.call('downloads.get', { id: job.id })).toMatchObject({ state: 'running' })
    soon.close()

    clock.advance(2 * 60_000)
    const later = await testCore({ dataDir, clock, company: SELLER.taxId })
    expect(await finished(later, job.id)).toMatchObject({ state: 'done' })
  })

  it('a cancel stops a running job within a slice and removes its partial zip; a pending one never starts', async () => {
    const platform = await sandbox()
    const dataDir = tempDir()
    const core = await testCore({ dataDir, embeddedPlatform: platform.embedded })
    await issueSales(core, 12)
    let cancelling: Promise<unknown> | null = null
    // cancelled as the first file is drawn (the runner may start before create has answered)
    core.events.on((e) => {
      if (e.type === 'progress' && e.jobId.startsWith('download:') && e.phase === '生成发票文件' && !cancelling)
        cancelling = core.call('downloads.cancel', { id: Number(e.jobId.split(':')[1]) })
    })
    const job = (await core.call('downloads.create', { from: today(), to: today(), formats: ['xml'] })).id
    const cancelled = await finished(core, job)
    await cancelling
    expect(cancelled).toMatchObject({ state: 'cancelled', stateLabel: '已取消', fileName: null })
    expect(cancelled.done).toBeLessThan(12)
    expect(fs.readdirSync(downloadsDir(dataDir))).toEqual([])
    expect((await rejection(core.call('downloads.file', { id: job }))).message).toMatch(/已取消，没有可下载的文件/)
    expect((await rejection(core.call('downloads.cancel', { id: job }))).message).toBe(`下载任务 ${job} 已取消，不能取消`)

    const idle = await testCore({ dataDir: tempDir(), downloadJobs: false })
    const pending = await idle.call('downloads.create', { from: today(), to: today(), formats: ['pdf'] })
    expect(await idle.call('downloads.cancel', { id: pending.id })).toMatchObject({ state: 'cancelled' })
    await idle.downloads.drain()
    expect(await idle.call('downloads.get', { id: pending.id })).toMatchObject({ state: 'cancelled', done: 0, total: 0 })
  })

  it('deletes a finished zip after 7 days when the runner starts, and the list says so', async () => {
    const dataDir = tempDir()
    const clock = manualClock(new Date())
    const core = await testCore({ dataDir, clock })
    const job = await core.call('downloads.create', { from: today(), to: today(), formats: ['xml'] })
    const done = await finished(core, job.id)
    expect(done).toMatchObject({ state: 'done', total: 0 })
    core.close()

    clock.advance(7 * 24 * 3600_000 + 1000)
    const later = await testCore({ dataDir, clock, company: SELLER.taxId })
    await later.downloads.idle()
    const [listed] = await later.call('downloads.list', {})
    expect(listed).toMatchObject({ id: job.id, state: 'done', expired: true })
    expect(fs.readdirSync(downloadsDir(dataDir))).toEqual([])
    expect((await rejection(later.call('downloads.file', { id: job.id }))).message).toMatch(/超过 7 天保留期而删除，请重新申请下载/)
  })
})

describe('发票下载: 进项 from the platform', () => {
  /** a seller registered on the sandbox issues one invoice to SELLER (our company, the buyer here) on each day given */
  function issueToUs(s: TestSandbox, clock: ReturnType<typeof manualClock>, days: string[]): string[] {
    // a demo counterparty: the core registered it on the sandbox with our company
    const seller = DEMO_COUNTERPARTIES[1]
    return days.map((d, i) => {
      clock.set(new Date(`${d}T10:00:00+08:00`))
      const body = issueRequestFor({ buyer: { ...testDraft().buyer, name: SELLER.name, taxId: SELLER.taxId } })
      return s.platform.issue(seller.taxId, body, `to-us-${i}`).number
    })
  }

  it('asks the platform month by month (≤ 3 months per request), stores what arrives and zips it; offline it says what it used', async () => {
    const clock = manualClock(new Date('2026-08-01T09:00:00+08:00'))
    const platform = await sandbox({ clock })
    const proxy = await startFaultProxy(platform.url)
    onTestFinished(() => proxy.close())
    const asked: string[] = []
    proxy.plan = ({ path: p }) => {
      if (p.startsWith('/api/v1/invoices?')) asked.push(new URL(p, 'http://x').searchParams.get('month')!)
      return 'pass'
    }
    const core = await testCore({ embeddedPlatform: async () => ({ url: proxy.url, adminToken: platform.adminToken }) })
    await core.call('sync.now', {}) // registers our company on the platform, before anything was issued to it
    const numbers = issueToUs(platform, clock, ['2026-08-15', '2026-09-03', '2026-10-20', '2026-11-30', '2026-07-31'])
    expect((await core.call('received.list', {})).total).toBe(0)

    const job = await core.call('downloads.create', { from: '2026-08-01', to: '2026-11-30', side: '进项', formats: ['xml'] })
    const done = await finished(core, job.id)
    expect(done).toMatchObject({ state: 'done', total: 4, note: null })
    // four months, one request each: never a window of more than 3 months
    expect(asked).toEqual(['202608', '202609', '202610', '202611'])
    const entries = await readZip(core.files.resolve((await core.call('downloads.file', { id: job.id })).token).path)
    expect([...entries.keys()].sort()).toEqual([...numbers.slice(0, 4).map((n) => `${n}.xml`), '汇总.xlsx'].sort())
    // stored as the change feed stores them: the 进项 list has them
    expect((await core.call('received.list', {})).total).toBe(4)

    // offline: the job uses what the ledger has and says so
    await proxy.refuse()
    const offline = await core.call('downloads.create', { from: '2026-07-01', to: '2026-11-30', side: '进项', formats: ['xml'] })
    expect(await finished(core, offline.id)).toMatchObject({ state: 'done', total: 4, note: '离线：仅含本地已有的 4 张进项发票' })
  })

  it('looks up one invoice by 发票号码 + 开票日期 + side: a hit, "未查询到该发票", and a 进项 fetched from the platform', async () => {
    const clock = manualClock(new Date('2026-11-02T09:00:00+08:00'))
    const platform = await sandbox({ clock })
    const core = await testCore({ embeddedPlatform: platform.embedded })
    const [sold] = await issueSales(core, 1)
    const soldOn = (await core.call('invoices.query', { side: '销项' })).rows[0]!.issuedAt.slice(0, 10)
    expect(await core.call('downloads.lookup', { number: sold!, date: soldOn, side: '销项' })).toMatchObject({
      side: '销项',
      number: sold,
      counterpartyName: '华为技术有限公司',
      total: '10600.00',
      status: '正常',
    })
    for (const miss of [
      { number: sold!, date: '2026-01-01', side: '销项' as const },
      { number: sold!, date: soldOn, side: '进项' as const },
      { number: '26442000000000099999', date: soldOn, side: '销项' as const },
    ]) {
      const e = await rejection(core.call('downloads.lookup', miss))
      expect(e).toMatchObject({ code: 'NOT_FOUND', message: '未查询到该发票' })
    }

    const [bought] = issueToUs(platform, clock, ['2026-11-05'])
    expect(await core.call('downloads.lookup', { number: bought!, date: '2026-11-05', side: '进项' })).toMatchObject({
      side: '进项',
      number: bought,
      counterpartyName: DEMO_COUNTERPARTIES[1].name,
    })
    expect((await core.call('received.list', {})).rows.map((r) => r.number)).toEqual([bought])
    expect((await rejection(core.call('downloads.lookup', { number: '123', date: '2026-11-05', side: '进项' }))).message).toMatch(/发票号码应为 20 位数字/)
  })
})
