// The sandbox's admin commands on a data directory while a server runs on it, and `platform serve`
// itself as a process: one JSON document on stdout, exit 1 with {"error"} on failure.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { InvoicePage, MeResponse, PlatformErrorBody, PlatformInvoice, QuotaSnapshot } from '../../src/shared/platform/wire'
import { OTHER, SELLER, tempDir } from '../support/core'
import { call, get, issueRequest, login, PASSWORD, postInvoice, startSandbox } from '../support/platformHttp'

// the table shipped with the app, imported again as an admin would import a later edition
const TABLE = 'resources/taxcodes/taxcodes.csv'

function cli(...args: string[]): { status: number | null; json: Record<string, unknown> } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', 'platform', ...args, '--json'], { encoding: 'utf8' })
  const lines = r.stdout.trim().split('\n')
  expect(lines, `exactly one JSON document on stdout, got:\n${r.stdout}\n${r.stderr}`).toHaveLength(1)
  return { status: r.status, json: JSON.parse(lines[0]!) as Record<string, unknown> }
}

const addTaxpayer = (data: string, who: { taxId: string; name: string }, region: string, ...more: string[]) =>
  cli('taxpayer', 'add', '--data', data, '--tax-id', who.taxId, '--name', who.name, '--region', region, '--password', PASSWORD, ...more)

describe('platform CLI', { timeout: 180_000 }, () => {
  it('administers a data directory while the server on it runs', async () => {
    const data = tempDir()
    const server = await startSandbox(data)

    const added = addTaxpayer(data, SELLER, '广东', '--quota', '50000')
    expect(added.status).toBe(0)
    expect(added.json).toMatchObject({ taxId: SELLER.taxId, region: '44', regionName: '广东省', created: true, quota: { total: '50000.00' } })
    expect(addTaxpayer(data, OTHER, '北京').status).toBe(0)
    const badId = addTaxpayer(data, { taxId: '914403001922038217', name: 'X' }, '44')
    expect(badId.status).toBe(1)
    expect(badId.json.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('校验位') })

    // the server sees what the CLI wrote
    const token = await login(server.url, SELLER.taxId)
    const month = (await get<QuotaSnapshot>(server.url, '/api/v1/quota', token)).body.month
    const set = cli('quota', 'set', '--data', data, '--tax-id', SELLER.taxId, '--month', month, '--total', '12000.50')
    expect(set.json).toMatchObject({ month, total: '12000.50', used: '0.00' })
    expect((await get<QuotaSnapshot>(server.url, '/api/v1/quota', token)).body.total).toBe('12000.50')

    // the server took the shipped table at its first start; one imported by the CLI is served as
    // imported, with its version, and enforced
    expect((await get<MeResponse>(server.url, '/api/v1/me', token)).body.taxcodesVersion).toBe('2018-01')
    const imported = cli('taxcodes', 'import', '--data', data, TABLE)
    expect(imported.json).toMatchObject({ fileName: 'taxcodes.csv', leaves: 3534 })
    const version = imported.json.version as string
    expect(version).toMatch(/^\d{8}-[0-9a-f]{8}$/)
    const file = await fetch(`${server.url}/api/v1/taxcodes`, { headers: { authorization: `Bearer ${token}` } })
    expect(file.status).toBe(200)
    expect(file.headers.get('x-taxcodes-version')).toBe(version)
    expect(file.headers.get('content-disposition')).toContain('taxcodes.csv')
    expect(Buffer.from(await file.arrayBuffer()).equals(fs.readFileSync(TABLE))).toBe(true)
    expect((await get<MeResponse>(server.url, '/api/v1/me', token)).body.taxcodesVersion).toBe(version)
    const notLeaf = issueRequest()
    notLeaf.draft.lines[0]!.taxCode = '1010101000000000000' // 谷物: a heading, not a leaf
    const refused = await postInvoice<PlatformErrorBody>(server.url, token, notLeaf, 'not-leaf')
    expect(refused.status).toBe(400)
    expect(refused.body.error.issues).toContainEqual({ path: 'draft.lines.0.taxCode', message: expect.stringContaining('不是现行编码表中的末级编码') })

    const issued = await postInvoice<PlatformInvoice>(server.url, token, issueRequest(), 'cli-1')
    expect(issued.status).toBe(201)
    expect(cli('quota', 'show', '--data', data, '--tax-id', SELLER.taxId).json).toMatchObject({ used: '10000.00', available: '2000.50' })
    const list = cli('invoices', 'list', '--data', data, '--tax-id', SELLER.taxId)
    expect(list.json).toEqual({ total: 1, rows: [expect.objectContaining({ number: issued.body.number, buyerTaxId: OTHER.taxId, amount: '10000.00' })] })
    expect((cli('invoices', 'list', '--data', data, '--tax-id', OTHER.taxId, '--role', 'buyer').json as unknown as InvoicePage).total).toBe(1)
  })

  it('serves until SIGTERM, printing its URL', async () => {
    const data = tempDir()
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', 'platform', 'serve', '--data', data, '--port', '0'], {
      env: { ...process.env, FAPIAO_PLATFORM_ADMIN_TOKEN: 'serve-admin' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    let out = ''
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const m = /^FAPIAO_PLATFORM_URL=(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)
        if (m) resolve(m[1]!)
      })
      void exited.then(() => reject(new Error(`serve exited early: ${out}`)))
    })
    const r = await call(`${url}/admin/v1/taxpayers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Admin-Token': 'serve-admin' },
      body: JSON.stringify({ taxId: SELLER.taxId, name: SELLER.name, region: '44', password: PASSWORD }),
    })
    expect(r.status).toBe(201)
    expect(await login(url, SELLER.taxId)).toMatch(/^[\w-]{40,}$/)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(out.trim()).toBe(`FAPIAO_PLATFORM_URL=${url}`)
  })
})
