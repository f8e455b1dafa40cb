// The sandbox's side of the rate rules: a taxpayer's 纳税人类型 and granted rates, told by `/me`,
// changed by the admin, and enforced on issuance with the same words the client uses.
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { REDUCED_REASONS } from '../../shared/domain/rateRules'
import { createPlatform } from '../platform'
import { DB_FILE } from '../store/open'
import { issueRequestFor, newKey, refusal, SELLER, tempDataDir, tempPlatform, THIRD } from '../testSupport'
import { findBuiltinTaxcodesDir } from './taxcodes'

const lineAt = (taxRate: string, policy: '01' | '03' | null = null) => [{ ...issueRequestFor().draft.lines[0]!, taxRate, policy }]

describe('纳税人类型 and rates on the sandbox', () => {
  it('registers a 一般纳税人 by default and a 小规模纳税人 when asked; /me tells type and rates', () => {
    const p = tempPlatform()
    expect(p.me(SELLER.taxId)).toMatchObject({ taxpayerType: '一般纳税人', rates: ['13%', '9%', '6%', '5%', '3%', '1.5%', '0%', '免税', '不征税'] })
    p.addTaxpayer({ ...THIRD, taxpayerType: '小规模纳税人' })
    expect(p.me(THIRD.taxId)).toMatchObject({ taxpayerType: '小规模纳税人', rates: ['3%', '1%', '5%', '1.5%', '免税', '不征税'] })
  })

  it('lets the admin change the type and narrow the rates; a list outside the type is refused and changes nothing', () => {
    const p = tempPlatform()
    expect(p.setQualification(SELLER.taxId, { type: '小规模纳税人' })).toEqual({ type: '小规模纳税人', rates: ['3%', '1%', '5%', '1.5%', '免税', '不征税'] })
    expect(p.setQualification(SELLER.taxId, { rates: '3%，1%,免税' })).toEqual({ type: '小规模纳税人', rates: ['3%', '1%', '免税'] })
    expect(refusal(() => p.setQualification(SELLER.taxId, { rates: '13%' })).message).toBe('小规模纳税人不能使用税率/征收率 13%')
    expect(refusal(() => p.setQualification(SELLER.taxId, { type: '个体户' })).message).toBe('纳税人类型应为 一般纳税人 或 小规模纳税人，现为“个体户”')
    expect(p.me(SELLER.taxId).rates).toEqual(['3%', '1%', '免税'])
  })

  it("refuses what the seller may not issue, with the rules' own words, and issues nothing", () => {
    const p = tempPlatform()
    const refused = (over: Parameters<typeof issueRequestFor>[0]) => refusal(() => p.issue(SELLER.taxId, issueRequestFor(over), newKey())).issues
    expect(refused({ lines: lineAt('0', '03') })).toEqual([{ path: 'draft.lines.0.taxRate', message: '第 1 行：增值税专用发票不能开具免税项目：请改开普通发票，或选择其他税率' }])
    expect(refused({ lines: lineAt('0.01') })).toEqual([{ path: 'draft.lines.0.taxRate', message: '第 1 行：征收率 1% 是小规模纳税人的减按 1% 征收，一般纳税人不能使用' }])
    p.setQualification(SELLER.taxId, { type: '小规模纳税人' })
    expect(refused({})).toEqual([{ path: 'draft.lines.0.taxRate', message: '第 1 行：小规模纳税人不能使用税率 6%，请选择征收率 3%（或减按 1%）或 5%' }])
    expect(refused({ lines: lineAt('0.03') })).toEqual([{ path: 'draft.reducedReason', message: '小规模纳税人以 3% 征收率开具专票，须选择“放弃享受减按1%征收率原因”' }])
    expect(p.quota(SELLER.taxId).used).toBe('0.00')
    // the same 专票 with a reason, and a 1% line, go through
    expect(p.issue(SELLER.taxId, issueRequestFor({ lines: lineAt('0.03'), reducedReason: REDUCED_REASONS[1] }), newKey()).tax).toBe('300.00')
    expect(p.issue(SELLER.taxId, issueRequestFor({ lines: lineAt('0.01') }), newKey()).tax).toBe('100.00')
  })
})

describe("the code's own rates on the sandbox (the table in force)", () => {
  it("refuses 13% on a 6% service and 简易计税 where the code allows none; keeps each leaf's rates across a restart", () => {
    const dataDir = tempDataDir()
    let p = tempPlatform({ dataDir })
    expect(p.loadBuiltinTaxcodes(findBuiltinTaxcodesDir())).toMatchObject({ version: '2018-01', leaves: 3534 })
    const refused = (over: Parameters<typeof issueRequestFor>[0]) => refusal(() => p.issue(SELLER.taxId, issueRequestFor(over), newKey())).issues
    expect(refused({ lines: lineAt('0.13') })).toEqual([
      { path: 'draft.lines.0.taxRate', message: '第 1 行：税收分类编码 3040201010000000000（软件开发服务）适用税率 6%，不能使用 13%' },
    ])
    expect(refused({ lines: lineAt('0.03', '01') })).toEqual([
      { path: 'draft.lines.0.taxRate', message: '第 1 行：税收分类编码 3040201010000000000（软件开发服务）不是可选择简易计税的项目，一般纳税人不能按征收率 3% 开具' },
    ])
    // 工程服务 is marked 简易征收: a 一般纳税人's 3% with 01 goes through
    const construction = [{ ...lineAt('0.03', '01')[0]!, name: '工程施工', taxCode: '3050100000000000000' }]
    expect(p.issue(SELLER.taxId, issueRequestFor({ lines: construction }), newKey()).tax).toBe('300.00')

    // a table put in force before leaves kept their rates is read again from its bytes at open
    p.close()
    const db = new Database(path.join(dataDir, DB_FILE))
    db.prepare("UPDATE taxcode_leaves SET name = '', rates = '', special_mgmt = ''").run()
    db.close()
    p = createPlatform({ dataDir })
    onTestFinished(() => p.close())
    expect(refusal(() => p.issue(SELLER.taxId, issueRequestFor({ lines: lineAt('0.13') }), newKey())).message).toContain('适用税率 6%，不能使用 13%')
  })
})
