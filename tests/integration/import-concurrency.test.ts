// An import reads and checks its rows without holding the ledger: autosave and sync go on while
// 100,000 customers are read, the rows land in one short transaction at the end, each by its
// identity in the ledger as it is then, and a killed import leaves no row behind.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { writeCustomerWorkbook } from '../../bench/data'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { fileToken, SELLER, tempDir, testCore } from '../support/core'
import { startTestSandbox } from '../support/sandbox'
import { writeCsv, type Cell } from '../support/sheets'

const HEADER = ['名称', '客户类型', '统一社会信用代码/纳税人识别号', '证件类型', '证件号码', '地址', '电话', '开户银行', '银行账号', '邮箱', '手机号']
const person = (i: number): Cell[] => [`自然人客户${i}`, '自然人', '', '', '', `某省某市某区某路 ${i} 号`, '', '', '', '', '']
const company = (name: string, taxId: string): Cell[] => [name, '企业', taxId, '', '', '', '', '', '', '', '']

describe('an import beside the rest of the app', { timeout: 600_000 }, () => {
  it('lets autosave and sync work while 100,000 customers are read, then writes them all', async () => {
    const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
    onTestFinished(() => sandbox.stop())
    const core = await testCore({ embeddedPlatform: sandbox.embedded })
    expect((await core.call('sync.now', {})).error).toBeNull() // registers the company
    const file = path.join(tempDir(), 'customers.xlsx')
    await writeCustomerWorkbook(file, 100_000)
    expect(fs.statSync(file).size).toBeGreaterThan(4 * 1024 * 1024) // read in the worker

    let reading = true
    const imported = core.call('customers.import', { file: fileToken(core, file) }).finally(() => (reading = false))
    const { id } = await core.call('invoices.saveDraft', { draft: testDraft() })
    let saves = 0
    let syncs = 0
    while (reading) {
      // autosave: the same draft as typed, again and again
      await core.call('invoices.saveDraft', { id, draft: testDraft({ remark: `第 ${saves} 次保存` }) })
      if (reading) saves++
      if (saves % 10 === 5 && syncs === 0) {
        // 开票 and a sync run: the outbox, the platform's answer and the issued invoice all written
        const queued = await core.call('invoices.saveDraft', { draft: testDraft() })
        await core.call('invoices.issue', { id: queued.id })
        const run = await core.call('sync.now', {})
        expect(run).toMatchObject({ pushed: 1, error: null })
        expect((await core.call('invoices.get', { id: queued.id })).state).toBe('issued')
        if (reading) syncs++
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(await imported).toEqual({ total: 100_000, created: 100_000, updated: 0, failed: [] })
    expect(saves).toBeGreaterThan(10)
    expect(syncs).toBe(1)
    expect((await core.call('customers.list', {})).total).toBe(100_000)
    expect((await core.call('invoices.get', { id })).draft.remark).toBe(`第 ${saves - 1} 次保存`)
  })

  it('resolves each identity against the ledger as it is when the rows are written', async () => {
    const core = await testCore()
    const gone = await core.call('customers.create', { name: '华为', taxId: '914403001922038216' })
    const rows: Cell[][] = [HEADER, company('华为技术有限公司', '914403001922038216')]
    for (let i = 0; i < 6000; i++) rows.push(person(i))
    rows.push(company('阿里巴巴（中国）有限公司', '91330100716105852F'))
    const file = writeCsv(path.join(tempDir(), 'customers.csv'), rows, 'utf8')

    // once the first rows are read: the customer the file would update is deleted, and the
    // customer its last row names is created by someone else
    let changed: Promise<unknown> | undefined
    const jobId = 'meanwhile'
    core.events.on((e) => {
      if (e.type !== 'progress' || e.jobId !== jobId || e.done === 0 || changed) return
      changed = Promise.all([core.call('customers.delete', { ids: [gone.id] }), core.call('customers.create', { name: '阿里', taxId: '91330100716105852F' })])
    })
    const r = await core.call('customers.import', { file: fileToken(core, file), jobId })
    await expect(changed).resolves.toBeDefined()
    expect(r).toEqual({ total: 6002, created: 6001, updated: 1, failed: [] })
    const enterprises = (await core.call('customers.list', { query: '有限公司' })).rows.map((c) => c.name).sort()
    expect(enterprises).toEqual(['华为技术有限公司', '阿里巴巴（中国）有限公司'].sort())
    expect((await core.call('customers.list', {})).total).toBe(6002)
  })

  it('leaves no row behind when the process is killed mid-import', async () => {
    const data = tempDir()
    const dir = tempDir()
    const cli = (...args: string[]) => spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', '--data', data, ...args, '--json'])
    const done = (child: ReturnType<typeof cli>) =>
      new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
    expect((await done(cli('company', 'add', '--name', SELLER.name, '--tax-id', SELLER.taxId, '--region', '广东', '--operator', SELLER.operator))).code).toBe(0)
    const file = path.join(dir, 'customers.xlsx')
    await writeCustomerWorkbook(file, 100_000)

    const child = cli('customers', 'import', file)
    // well into reading: the CLI starts in about two seconds, the import takes many more
    await new Promise((resolve) => setTimeout(resolve, 6000))
    child.kill('SIGKILL')
    expect(await done(child)).toEqual({ code: null, signal: 'SIGKILL' })

    const core = await testCore({ dataDir: data, company: SELLER.taxId })
    expect((await core.call('customers.list', {})).total).toBe(0)
    expect((await core.call('audit.list', { entity: 'customer', page: 1, size: 10 })).rows.filter((a) => a.action === 'import')).toEqual([])
    await core.call('customers.create', { name: '华为技术有限公司', taxId: '914403001922038216' })
    expect((await core.call('customers.list', {})).total).toBe(1)
  })
})
