// 发票下载 from the CLI as a script runs it: apply with --wait --out (the zip copied where asked),
// list, cancel, the single lookup, and refusals in Chinese.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { SELLER, tempDir, testCore } from '../support/core'
import { startTestSandbox } from '../support/sandbox'
import { readZip } from '../support/zipRead'

function cli(dataDir: string, ...args: string[]): { status: number | null; json: Record<string, unknown> } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', '--data', dataDir, '--company', SELLER.taxId, ...args, '--json'], {
    encoding: 'utf8',
  })
  const lines = r.stdout.trim().split('\n')
  expect(lines, `exactly one JSON document on stdout, got:\n${r.stdout}\n${r.stderr}`).toHaveLength(1)
  return { status: r.status, json: JSON.parse(lines[0]!) as Record<string, unknown> }
}

describe('CLI downloads', { timeout: 120_000 }, () => {
  it('create --wait --out writes the zip where asked; list, cancel and invoices lookup answer', async () => {
    const platform = await startTestSandbox(path.join(tempDir(), 'platform'))
    onTestFinished(() => platform.stop())
    const dataDir = tempDir()
    const core = await testCore({ dataDir, embeddedPlatform: platform.embedded, downloadJobs: false })
    for (let i = 0; i < 2; i++) {
      const { id } = await core.call('invoices.saveDraft', { draft: testDraft() })
      await core.call('invoices.issue', { id })
    }
    await core.call('sync.now', {})
    const issued = (await core.call('invoices.query', { side: '销项', sort: 'number', order: 'asc' })).rows
    const day = issued[0]!.issuedAt.slice(0, 10)
    core.close()

    const out = path.join(tempDir(), '下载', 'invoices.zip')
    const made = cli(dataDir, 'downloads', 'create', '--from', day, '--to', day, '--formats', 'xml', '--out', out)
    expect(made.status).toBe(0)
    expect(made.json).toMatchObject({ state: '处理完成', side: '销项', formats: 'xml', count: '2/2', savedTo: out })
    const entries = await readZip(out)
    expect([...entries.keys()].sort()).toEqual([...issued.map((r) => `${r.number}.xml`), '汇总.xlsx'].sort())
    expect(fs.existsSync(made.json.file as string)).toBe(true)

    // applied only: it waits for the app (or the next --wait)
    const queued = cli(dataDir, 'downloads', 'create', '--from', day, '--to', day, '--side', '进项', '--formats', 'pdf,ofd')
    expect(queued.json).toMatchObject({ state: '待处理', side: '进项', formats: 'pdf,ofd' })
    const list = cli(dataDir, 'downloads', 'list').json as { total: number; rows: { id: number; state: string }[] }
    expect(list.rows.map((r) => r.state)).toEqual(['待处理', '处理完成'])
    expect(cli(dataDir, 'downloads', 'cancel', String(list.rows[0]!.id)).json).toMatchObject({ state: '已取消' })

    expect(cli(dataDir, 'invoices', 'lookup', '--number', issued[1]!.number!, '--date', day, '--side', '销项').json).toMatchObject({
      number: issued[1]!.number,
      total: '10600.00',
    })
    const miss = cli(dataDir, 'invoices', 'lookup', '--number', issued[1]!.number!, '--date', '2020-01-01', '--side', '销项')
    expect(miss).toMatchObject({ status: 1, json: { error: { code: 'NOT_FOUND', message: '未查询到该发票' } } })
    const bad = cli(dataDir, 'downloads', 'create', '--from', day, '--to', '2020-01-01', '--formats', 'xml')
    expect(bad).toMatchObject({ status: 1, json: { error: { code: 'VALIDATION', message: '开票日期起不能晚于开票日期止' } } })
  })
})
