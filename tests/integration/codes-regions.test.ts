// The 行政区划 list the app ships (resources/codes/regions.json): codes.regions gives its county-level
// names, and the issuing path judges 特定业务's 发生地 by it — a 建筑服务 draft naming a district
// that does not exist is refused by validateDraft through the core's own context.
import { describe, expect, it } from 'vitest'
import type { InvoiceDraftInput } from '../../src/shared/api/invoices'
import { findAppDir } from '../../src/main/core/app'
import { readRegions } from '../../src/main/core/codeLists/regions'
import { SPECIAL_KIND_NAMES } from '../../src/shared/domain/specialBusiness'
import { issuesOf } from '../../src/shared/domain/specialBusiness/testSpecial'
import { testCore } from '../support/core'

const building = (site: string): InvoiceDraftInput => ({
  kind: '82',
  taxMode: '普通征税',
  priceIncludesTax: false,
  buyer: { type: '企业', name: '北京建工集团有限责任公司', taxId: '91110000101107173B', address: '', phone: '', bank: '', account: '', showAddressPhone: false, showBank: false },
  lines: [
    { name: '工程施工', taxCode: '3050100000000000000', spec: '', unit: '', quantity: null, unitPrice: null, amount: '100000', taxRate: '0.09', policy: null, discount: null },
  ],
  extras: [],
  remark: '',
  agent: null,
  payee: '',
  reviewer: '',
  specialBusiness: { kind: '建筑服务', rows: [{ site, siteAddress: '建国路1号', projectName: '国贸三期改造工程', crossCity: '否' }] },
})

describe('行政区划 as shipped', () => {
  it('spells the county-level names as the template does: 直辖市 区, 省 市 县, 省直辖县, a city without districts', () => {
    const { counties, names } = readRegions(findAppDir())
    for (const name of ['北京市怀柔区', '河北省保定市阜平县', '河南省济源市', '广东省东莞市', '海南省三沙市西沙群岛', '台湾省', '境外']) expect(names.has(name), name).toBe(true)
    // 统计用 zones are no 行政区划; no name twice
    expect(counties.filter((n) => /高新技术产业开发区$/.test(n))).toEqual([])
    expect(new Set(counties).size).toBe(counties.length)
  })

  it('accepts the domain’s good 特定业务 rows (发生地, 起运地, 不动产地址 …) and refuses a district that does not exist', () => {
    const ctx = { regions: readRegions(findAppDir()).names }
    for (const kind of SPECIAL_KIND_NAMES) expect([kind, issuesOf(kind, undefined, undefined, ctx)]).toEqual([kind, []])
    expect(issuesOf('建筑服务', [{ site: '北京市不存在区', siteAddress: '1号', projectName: '某工程', crossCity: '否' }], undefined, ctx).map(([path]) => path)).toEqual([
      'specialBusiness.rows.0.site',
    ])
  })

  it('codes.regions answers the list, and 开票 refuses a 发生地 not in it', async () => {
    const core = await testCore()
    const counties = await core.call('codes.regions', {})
    expect(counties).toContain('北京市怀柔区')
    expect(counties).toContain('河北省保定市阜平县')

    const bad = await core.call('invoices.validate', { draft: building('北京市不存在区') })
    expect(bad.errors).toEqual([
      { path: 'specialBusiness.rows.0.site', message: '建筑服务：建筑服务发生地“北京市不存在区”不在行政区划列表中，请从列表选择（含县（市、区），如“北京市怀柔区”）' },
    ])
    const good = await core.call('invoices.validate', { draft: building('北京市怀柔区') })
    expect(good.errors).toEqual([])
    const saved = await core.call('invoices.saveDraft', { draft: building('北京市不存在区') })
    expect(saved.warnings.map((w) => w.path)).toEqual(['specialBusiness.rows.0.site'])
  })
})
