// 纳税人类型 from the command line: `company add --type`, and the sandbox's `platform taxpayer add
// --type` / `platform taxpayer set` — a type outside the two, or a rate outside the type, is refused
// with the usual one JSON document and changes nothing.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { SELLER, tempDir } from '../support/core'

function cli(...args: string[]): { status: number | null; json: Record<string, unknown> } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', ...args, '--json'], { encoding: 'utf8' })
  const lines = r.stdout.trim().split('\n')
  expect(lines, `exactly one JSON document on stdout, got:\n${r.stdout}\n${r.stderr}`).toHaveLength(1)
  return { status: r.status, json: JSON.parse(lines[0]!) as Record<string, unknown> }
}

describe('纳税人类型 on the command line', { timeout: 120_000 }, () => {
  it('company add --type: 小规模纳税人 is kept; a type outside the two is refused and creates nothing', () => {
    const data = tempDir()
    const company = ['company', 'add', '--name', SELLER.name, '--tax-id', SELLER.taxId, '--region', '广东', '--operator', SELLER.operator]
    const bad = cli('--data', data, ...company, '--type', '个体户')
    expect(bad.status).toBe(2)
    expect(bad.json.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('一般纳税人') })
    expect(cli('--data', data, 'company', 'list').json).toMatchObject({ total: 0 })
    const made = cli('--data', data, ...company, '--type', '小规模纳税人')
    expect(made.json).toMatchObject({ taxId: SELLER.taxId, taxpayerType: '小规模纳税人', platformRates: null })
  })

  it('platform taxpayer add --type and taxpayer set: the type and the rates the platform grants', () => {
    const data = tempDir()
    const added = cli(
      'platform',
      'taxpayer',
      'add',
      '--data',
      data,
      '--tax-id',
      SELLER.taxId,
      '--name',
      SELLER.name,
      '--region',
      '44',
      '--password',
      'secret123',
      '--type',
      '小规模纳税人',
    )
    expect(added.json).toMatchObject({ taxpayerType: '小规模纳税人', rates: ['3%', '1%', '5%', '1.5%', '免税', '不征税'] })
    const narrowed = cli('platform', 'taxpayer', 'set', '--data', data, '--tax-id', SELLER.taxId, '--rates', '3%,免税')
    expect(narrowed.json).toEqual({ taxId: SELLER.taxId, type: '小规模纳税人', rates: ['3%', '免税'] })
    const refused = cli('platform', 'taxpayer', 'set', '--data', data, '--tax-id', SELLER.taxId, '--rates', '13%')
    expect(refused.status).toBe(1)
    expect(refused.json.error).toMatchObject({ code: 'VALIDATION', message: '小规模纳税人不能使用税率/征收率 13%' })
    const general = cli('platform', 'taxpayer', 'set', '--data', data, '--tax-id', SELLER.taxId, '--type', '一般纳税人')
    expect(general.json).toMatchObject({ type: '一般纳税人', rates: ['13%', '9%', '6%', '5%', '3%', '1.5%', '0%', '免税', '不征税'] })
  })
})
