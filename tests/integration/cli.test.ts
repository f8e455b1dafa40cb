// The CLI as scripts use it: one JSON document on stdout, non-zero exit and {"error"} on failure.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { OTHER, SELLER, tempDir } from '../support/core'
import { readXlsx, writeCsv } from '../support/sheets'

function cli(dataDir: string, ...args: string[]): { status: number | null; json: Record<string, unknown>; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', '--data', dataDir, ...args, '--json'], { encoding: 'utf8' })
  const lines = r.stdout.trim().split('\n')
  expect(lines, `exactly one JSON document on stdout, got:\n${r.stdout}\n${r.stderr}`).toHaveLength(1)
  return { status: r.status, json: JSON.parse(lines[0]!) as Record<string, unknown>, stderr: r.stderr }
}

/** the CLI as a person runs it: no --json */
function run(dataDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', '--data', dataDir, ...args], { encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** a Node stack trace or a raw Node error code: what a person must never see */
const RAW = /\n\s+at |ERR_PARSE_ARGS|TypeError|node:internal/

const company = ['company', 'add', '--name', SELLER.name, '--tax-id', SELLER.taxId, '--region', '广东', '--operator', SELLER.operator]

describe('CLI', { timeout: 180_000 }, () => {
  it('adds and lists companies; the only company needs no --company', async () => {
    const data = tempDir()
    const added = cli(data, ...company)
    expect(added.status).toBe(0)
    expect(added.json).toMatchObject({ taxId: SELLER.taxId, region: '44', regionName: '广东省' })
    expect(cli(data, 'company', 'list').json).toEqual({ total: 1, rows: [{ taxId: SELLER.taxId, name: SELLER.name, current: false }] })
    expect(cli(data, 'extras', 'add', '--name', '项目编号', '--type', '文本').status).toBe(0)
  })

  it('fails with a non-zero exit and one error document', () => {
    const data = tempDir()
    const none = cli(data, 'items', 'list')
    expect(none.status).not.toBe(0)
    expect(none.json).toEqual({ error: { code: 'NO_COMPANY', message: expect.stringContaining('请先创建企业'), details: { companies: [] } } })
    const bad = cli(data, 'company', 'add', '--name', 'X', '--tax-id', '914403001922038217', '--region', '44', '--operator', '王')
    expect(bad.status).toBe(1)
    expect((bad.json.error as { code: string }).code).toBe('VALIDATION')
    expect(fs.existsSync(path.join(data, 'companies', '914403001922038217'))).toBe(false)
  })

  it('works for --company, else the last company used', () => {
    const data = tempDir()
    cli(data, ...company)
    cli(data, 'company', 'add', '--name', OTHER.name, '--tax-id', OTHER.taxId, '--region', '11', '--operator', OTHER.operator)
    cli(data, 'extras', 'add', '--name', '仅第二家', '--type', '文本')
    expect((cli(data, '--company', SELLER.taxId, 'extras', 'list').json as { total: number }).total).toBe(0)
    // the last company used is now SELLER
    expect((cli(data, 'extras', 'list').json as { total: number }).total).toBe(0)
    expect((cli(data, '--company', OTHER.taxId, 'extras', 'list').json as { total: number }).total).toBe(1)
    expect((cli(data, '--company', '91310000132200821H', 'extras', 'list').json.error as { code: string }).code).toBe('NOT_FOUND')
  })

  it('runs the spreadsheet commands: template, import with an error report, list, export', async () => {
    const data = tempDir()
    const dir = tempDir()
    cli(data, ...company)
    const template = cli(data, 'customers', 'template', path.join(dir, '模板.xlsx'))
    expect(template.json).toEqual({ file: path.join(dir, '模板.xlsx') })
    expect((await readXlsx(path.join(dir, '模板.xlsx')))[0]![0]).toBe('*名称')

    const input = writeCsv(
      path.join(dir, 'customers.csv'),
      [
        ['名称', '税号', '手机号'],
        ['华为技术有限公司', '914403001922038216', '13800138000'],
        ['坏公司', '914403001922038217', ''],
      ],
      'gbk',
    )
    const imported = cli(data, 'customers', 'import', input)
    expect(imported.json).toMatchObject({ total: 2, created: 1, updated: 0, errorReport: path.join(dir, 'customers-错误报告.xlsx') })
    expect((imported.json.failed as { row: number }[])[0]!.row).toBe(3)
    expect(fs.existsSync(path.join(dir, 'customers-错误报告.xlsx'))).toBe(true)

    expect(cli(data, 'customers', 'list', '--query', 'hwjs', '--size', '5').json).toMatchObject({ total: 1, rows: [{ name: '华为技术有限公司' }] })
    const exported = cli(data, 'customers', 'export', path.join(dir, 'out.xlsx'))
    expect(exported.json).toEqual({ file: path.join(dir, 'out.xlsx'), count: 1 })

    expect(cli(data, 'taxcodes', 'info').json).toMatchObject({ total: 4204, leaves: 3534, source: 'builtin', sourceLabel: '内置编码表', version: '2018-01' })
    expect(cli(data, 'taxcodes', 'search', '软件开发', '--top', '1').json).toMatchObject([{ code: '3040201010000000000', matchedBy: '名称' }])
    const items = cli(data, 'items', 'import', path.join(dir, 'missing.xlsx'))
    expect((items.json.error as { code: string }).code).toBe('NOT_FOUND')
  })

  it('manages 附加要素 and 场景模板 by name', () => {
    const data = tempDir()
    cli(data, ...company)
    for (const [name, type] of [
      ['合同编号', '文本'],
      ['合同金额', '数值'],
      ['签订日期', '日期'],
    ])
      cli(data, 'extras', 'add', '--name', name!, '--type', type!)
    const scene = cli(data, 'scenes', 'add', '--name', '工程合同', '--extras', '签订日期,合同编号')
    expect((scene.json.extras as { name: string }[]).map((e) => e.name)).toEqual(['签订日期', '合同编号'])
    const refused = cli(data, 'extras', 'delete', '合同编号', '合同金额')
    expect(refused.status).toBe(1)
    expect((refused.json.error as { code: string; message: string }).message).toContain('工程合同')
    expect(cli(data, 'scenes', 'delete', '工程合同').json).toEqual({ deleted: 1 })
    expect(cli(data, 'extras', 'delete', '合同编号', '合同金额').json).toEqual({ deleted: 2 })
    expect(cli(data, 'extras', 'list').json).toMatchObject({ total: 1, rows: [{ name: '签订日期' }] })
    expect((cli(data, 'extras', 'delete', '没有这个').json.error as { code: string }).code).toBe('NOT_FOUND')
  })

  it('drafts, validates and queues an invoice from a draft file', () => {
    const data = tempDir()
    const dir = tempDir()
    cli(data, ...company)
    const draft = {
      kind: '82',
      taxMode: '普通征税',
      priceIncludesTax: true,
      buyer: { type: '自然人', name: '张先生', taxId: '', address: '', phone: '', bank: '', account: '', showAddressPhone: false, showBank: false },
      lines: [
        {
          name: '软件开发服务',
          taxCode: '3040201010000000000',
          spec: '',
          unit: '项',
          quantity: '1',
          unitPrice: '1060',
          amount: null,
          taxRate: '0.06',
          policy: null,
          discount: null,
        },
      ],
      extras: [],
      remark: '',
      agent: null,
      payee: '',
      reviewer: '',
    }
    const good = path.join(dir, 'draft.json')
    fs.writeFileSync(good, JSON.stringify(draft))
    expect(cli(data, 'invoices', 'draft', 'validate', '--file', good).json).toEqual({ valid: true, errors: [] })
    const bad = path.join(dir, 'bad.json')
    fs.writeFileSync(bad, JSON.stringify({ ...draft, kind: '81' }))
    const invalid = cli(data, 'invoices', 'draft', 'validate', '--file', bad).json as { valid: boolean; errors: { path: string }[] }
    expect(invalid.valid).toBe(false)
    expect(invalid.errors.map((e) => e.path)).toContain('buyer.type')

    const created = cli(data, 'invoices', 'draft', 'create', '--file', good).json as { id: number; totals: { total: string; tax: string } }
    expect(created.totals).toMatchObject({ total: '1060.00', tax: '60.00' })
    expect(cli(data, 'invoices', 'issue', String(created.id)).json).toEqual({ id: created.id, state: 'queued' })
    expect(cli(data, 'invoices', 'list', '--state', 'queued').json).toMatchObject({ total: 1, rows: [{ id: created.id, state: 'queued', number: null }] })
    expect(cli(data, 'invoices', 'show', String(created.id)).json).toMatchObject({ state: 'queued', draft: { buyer: { name: '张先生' } } })
    expect((cli(data, 'invoices', 'show', '999').json.error as { code: string }).code).toBe('NOT_FOUND')
    fs.writeFileSync(bad, '{ not json')
    expect((cli(data, 'invoices', 'draft', 'create', '--file', bad).json.error as { message: string }).message).toContain('不是有效的 JSON')

    // no platform configured: `sync` starts the embedded sandbox in the data directory and issues it
    expect(cli(data, 'sync').json).toEqual({ pushed: 1, pulled: expect.any(Number), rejected: 0, pending: 0, error: null })
    const issued = cli(data, 'invoices', 'list', '--state', 'issued').json as { total: number; rows: { id: number; number: string }[] }
    expect(issued).toMatchObject({ total: 1, rows: [{ id: created.id, number: expect.stringMatching(/^\d{2}442\d{15}$/) }] })
    const number = issued.rows[0]!.number
    expect(cli(data, 'invoices', 'show', number).json).toMatchObject({ id: created.id, state: 'issued', number, qr: expect.stringContaining(`,${number},1060.00,`) })
    expect(cli(data, 'sync', 'status').json).toMatchObject({ mode: 'embedded', pending: 0, failed: 0, quota: { used: '1000.00' } })
    // the sandbox itself, read with the admin commands: exactly that invoice
    const platform = cli(path.join(data, 'platform-sandbox'), 'platform', 'invoices', 'list', '--tax-id', SELLER.taxId).json
    expect(platform).toMatchObject({ total: 1, rows: [{ number }] })
    expect(fs.statSync(path.join(data, 'platform.json')).mode & 0o777).toBe(0o600)
  })

  it('红字: a full reversal by the seller, seen by the buyer — a demo company of the same app — by its 确认单编号', () => {
    const data = tempDir()
    cli(data, ...company)
    const dir = tempDir()
    const draftFile = path.join(dir, 'blue.json')
    const buyer = {
      type: '企业',
      name: '北京示例科技有限公司',
      taxId: '91110105MA01ABCD26',
      address: '',
      phone: '',
      bank: '',
      account: '',
      showAddressPhone: false,
      showBank: false,
    }
    const line = {
      name: '软件开发服务',
      taxCode: '3040201010000000000',
      spec: '',
      unit: '项',
      quantity: '2',
      unitPrice: '500',
      amount: null,
      taxRate: '0.06',
      policy: null,
      discount: null,
    }
    fs.writeFileSync(
      draftFile,
      JSON.stringify({ kind: '81', taxMode: '普通征税', priceIncludesTax: false, buyer, lines: [line], extras: [], remark: '', agent: null, payee: '', reviewer: '' }),
    )
    const { id } = cli(data, 'invoices', 'draft', 'create', '--file', draftFile).json as { id: number }
    cli(data, 'invoices', 'issue', String(id))
    expect(cli(data, 'sync').json).toMatchObject({ pushed: 1, error: null })
    const blue = (cli(data, 'invoices', 'show', String(id)).json as { number: string }).number

    const created = cli(data, 'red', 'create', '--blue', blue, '--reason', '01', '--as', 'seller').json
    expect(created).toMatchObject({ number: null, status: null, blueNumber: blue, total: '-1060.00' })
    expect(cli(data, 'sync').json).toMatchObject({ pushed: 1, error: null })
    const list = cli(data, 'red', 'list').json as { total: number; rows: { number: string; status: string; blueNumber: string; redInvoiceNumber: string }[] }
    expect(list).toMatchObject({ total: 1, rows: [{ status: '01', blueNumber: blue, redInvoiceNumber: expect.stringMatching(/^\d{20}$/) }] })
    expect(cli(data, 'invoices', 'show', blue).json).toMatchObject({ redStatus: 'fully-reversed', redStatusLabel: '全额红冲' })

    // the buyer's side, in the same data directory: the form arrives by the feed, known by its number
    const asBuyer = ['--company', buyer.taxId]
    expect(cli(data, ...asBuyer, 'sync').json).toMatchObject({ error: null })
    expect(cli(data, ...asBuyer, 'red', 'show', list.rows[0]!.number).json).toMatchObject({
      status: '01',
      role: 'buyer',
      initiator: 'seller',
      redInvoiceNumber: list.rows[0]!.redInvoiceNumber,
    })
    const wrong = cli(data, 'red', 'decide', list.rows[0]!.number, 'maybe')
    expect(wrong.status).toBe(2)
    expect(wrong.json).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringContaining('agree') } })
  })

  it('红字: booked by the buyer, so confirmed — the seller enters 02, the buyer agrees, the seller issues (确认即开票 off)', () => {
    const data = tempDir()
    const sandboxDir = path.join(data, 'platform-sandbox')
    cli(data, ...company)
    const dir = tempDir()
    const buyer = {
      type: '企业',
      name: '北京示例科技有限公司',
      taxId: '91110105MA01ABCD26',
      address: '',
      phone: '',
      bank: '',
      account: '',
      showAddressPhone: false,
      showBank: false,
    }
    const line = {
      name: '软件许可',
      taxCode: '3040201010000000000',
      spec: '',
      unit: '套',
      quantity: '10',
      unitPrice: '300',
      amount: null,
      taxRate: '0.06',
      policy: null,
      discount: null,
    }
    const draftFile = path.join(dir, 'blue.json')
    fs.writeFileSync(
      draftFile,
      JSON.stringify({ kind: '81', taxMode: '普通征税', priceIncludesTax: false, buyer, lines: [line], extras: [], remark: '', agent: null, payee: '', reviewer: '' }),
    )
    const { id } = cli(data, 'invoices', 'draft', 'create', '--file', draftFile).json as { id: number }
    cli(data, 'invoices', 'issue', String(id))
    expect(cli(data, 'sync').json).toMatchObject({ pushed: 1, error: null })
    const blue = (cli(data, 'invoices', 'show', String(id)).json as { number: string }).number
    // the platform's side, with its admin commands on the embedded sandbox's directory
    expect(cli(sandboxDir, 'platform', 'invoice', 'mark-booked', blue).status).toBe(0)
    expect(cli(sandboxDir, 'platform', 'settings', 'set', '--confirm-issues', 'off').json).toEqual({ confirmIssues: false })

    const linesFile = path.join(dir, 'lines.json')
    fs.writeFileSync(linesFile, JSON.stringify([{ blueLine: 1, quantity: '-2', amount: '-600' }]))
    cli(data, 'red', 'create', '--blue', blue, '--reason', '02', '--as', 'seller', '--lines', linesFile)
    cli(data, 'sync')
    const entered = cli(data, 'red', 'list', '--blue', blue).json as { rows: { id: number; number: string; status: string }[] }
    expect(entered.rows).toMatchObject([{ status: '02' }])
    const number = entered.rows[0]!.number

    const asBuyer = ['--company', buyer.taxId]
    cli(data, ...asBuyer, 'sync')
    expect(cli(data, ...asBuyer, 'red', 'decide', number, 'agree', '--opinion', '同意退回两套').json).toMatchObject({ pendingAction: 'decide' })
    expect(cli(data, ...asBuyer, 'sync').json).toMatchObject({ pushed: 1, error: null })

    // the last company used is now the buyer's: the seller's commands name their company
    const asSeller = ['--company', SELLER.taxId]
    cli(data, ...asSeller, 'sync')
    expect(cli(data, ...asSeller, 'red', 'show', number).json).toMatchObject({ status: '04', redInvoiceNumber: null, opinion: '同意退回两套', can: { issue: true } })
    cli(data, ...asSeller, 'red', 'issue', number)
    cli(data, ...asSeller, 'sync')
    const issued = cli(data, ...asSeller, 'red', 'show', number).json as { redInvoiceNumber: string }
    expect(issued.redInvoiceNumber).toMatch(/^\d{20}$/)
    expect(cli(data, ...asSeller, 'invoices', 'show', issued.redInvoiceNumber).json).toMatchObject({ colour: 'red', blueNumber: blue, totals: { total: '-636.00' } })
    expect(cli(data, ...asSeller, 'invoices', 'show', blue).json).toMatchObject({ redStatusLabel: '部分红冲' })
  })
})

describe('CLI command lines: each command takes only the options it declares', { timeout: 180_000 }, () => {
  // a refusal changes nothing: the data directory stays empty
  const cases: { argv: string[]; says: string[] }[] = [
    { argv: ['customers', 'list', '--bogus', '1'], says: ['customers list 没有选项 --bogus', '--query Q、--page P、--size S'] },
    { argv: ['customers', 'list', '--reason', '01'], says: ['没有选项 --reason（它是 red create 的选项）', '--query Q'] },
    { argv: ['company', 'add', '--name', 'X', '--opinion', 'x'], says: ['company add 没有选项 --opinion（它是 red decide 的选项）', '--operator 开票员'] },
    { argv: ['company', 'add', '--name'], says: ['选项 --name 缺少值（企业名称）'] },
    { argv: ['company', 'add', '--name', 'X', '--region', '44', '--operator', '王'], says: ['company add 缺少选项 --tax-id'] },
    { argv: ['invoices', 'list', '--page', 'abc'], says: ['选项 --page 的值“abc”不正确，应为正整数'] },
  ]

  it.each(cases)('refuses $argv with --json: exit 2 and one error document', ({ argv, says }) => {
    const data = tempDir()
    const r = cli(data, ...argv)
    expect(r.status).toBe(2)
    expect(r.json).toEqual({ error: { code: 'VALIDATION', message: expect.any(String), details: expect.objectContaining({ command: expect.any(String) }) } })
    for (const s of says) expect((r.json.error as { message: string }).message).toContain(s)
    expect(r.stderr).not.toMatch(RAW)
    expect(fs.readdirSync(data)).toEqual([])
  })

  it.each(cases)('refuses $argv in words: exit 2, the reason and where to look on stderr, no stack', ({ argv, says }) => {
    const r = run(tempDir(), ...argv)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    for (const s of says) expect(r.stderr).toContain(s)
    expect(r.stderr).toContain(`查看用法：fapiao ${argv.slice(0, 2).join(' ')} --help`)
    expect(r.stderr).not.toMatch(RAW)
  })

  it('refuses the sandbox’s commands alike', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', 'platform', 'quota', 'show', '--tax-id', SELLER.taxId, '--company', 'x', '--json'], {
      encoding: 'utf8',
    })
    expect(r.status).toBe(2)
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringContaining('platform quota show 没有选项 --company') } })
  })

  it('prints a command’s options with --help, and every command’s usage with --help alone', () => {
    const own = run(tempDir(), 'company', 'add', '--help')
    expect(own.status).toBe(0)
    expect(own.stdout).toContain('用法 Usage: fapiao company add --name 名称 --tax-id 纳税人识别号 --region 地区 --operator 开票员')
    expect(own.stdout).toMatch(/--region 地区 +必填：所在地区/)
    expect(own.stdout).toMatch(/--json +只输出一个 JSON 文档/)
    const all = run(tempDir(), '--help')
    expect(all.status).toBe(0)
    expect(all.stdout).toContain('customers list [--query Q] [--page P] [--size S]')
    expect(all.stdout).toContain('platform taxpayer add --data DIR --tax-id 纳税人识别号')
    const unknown = run(tempDir(), 'customers', 'lst')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('没有命令“customers lst”')
  })
})
