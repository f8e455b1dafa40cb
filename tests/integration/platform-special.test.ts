// 特定业务 on the platform sandbox over HTTP (issue 13): the platform parses the draft with the
// shared schema and runs the shared rules, so a bad 特定业务 is refused naming the field and a good
// one of each kind is issued and kept whole — on issue, on read and in the buyer's feed. The sandbox
// judges 行政区划 by the list the app ships, as the issuing screen does.
import { describe, expect, it } from 'vitest'
import type { InvoiceDraft } from '../../src/shared/domain/invoice'
import { testLine } from '../../src/shared/domain/invoice/testDraft'
import { SPECIAL_KINDS, type SpecialBusiness, type SpecialKind } from '../../src/shared/domain/specialBusiness'
import { GOOD } from '../../src/shared/domain/specialBusiness/testSpecial'
import type { ChangesPage, PlatformErrorBody, PlatformInvoice } from '../../src/shared/platform/wire'
import { tempDir } from '../support/core'
import { get, issueRequest, postInvoice, sandboxWithParties } from '../support/platformHttp'

/** a draft of the kind: one 9% line of the kind's good code, its good row (or the rows given) */
function special(kind: SpecialKind, over: { rows?: SpecialBusiness['rows']; taxCode?: string } = {}): Partial<InvoiceDraft> {
  return {
    lines: [testLine({ name: `${kind}项目`, taxCode: over.taxCode ?? GOOD[kind].code, taxRate: '0.09' })],
    specialBusiness: { kind, rows: over.rows ?? [GOOD[kind].row] },
  }
}

const issuesOf = (body: unknown) => (body as PlatformErrorBody).error.issues ?? []

describe('特定业务 on the platform sandbox', { timeout: 120_000 }, () => {
  it('refuses a 建筑服务 marked 跨地市 without its 报验管理编号, naming the field, and issues nothing', async () => {
    const p = await sandboxWithParties(tempDir())
    const rows = [{ ...GOOD.建筑服务.row, crossCity: '是', crossRegionNo: '' }]
    const r = await postInvoice(p.url, p.seller, issueRequest(special('建筑服务', { rows })), 'bad-cross')
    expect(r.status).toBe(400)
    expect((r.body as PlatformErrorBody).error.code).toBe('VALIDATION')
    expect(issuesOf(r.body)).toContainEqual({ path: 'draft.specialBusiness.rows.0.crossRegionNo', message: '建筑服务：跨地市标志为“是”时，请填写跨区域涉税事项报验管理编号' })
    const feed = await get<ChangesPage>(p.url, '/api/v1/changes?after=0', p.seller)
    expect(feed.body.changes).toEqual([])
  })

  it('judges 建筑服务发生地 by the shipped 行政区划 list: a county it lacks is refused, a listed one issued', async () => {
    const p = await sandboxWithParties(tempDir())
    // “北京市新城区” begins with a province, so only the list can tell it is no county of Beijing
    const rows = [{ ...GOOD.建筑服务.row, site: '北京市新城区' }]
    const r = await postInvoice(p.url, p.seller, issueRequest(special('建筑服务', { rows })), 'unknown-county')
    expect(r.status).toBe(400)
    expect(issuesOf(r.body)).toContainEqual({
      path: 'draft.specialBusiness.rows.0.site',
      message: '建筑服务：建筑服务发生地“北京市新城区”不在行政区划列表中，请从列表选择（含县（市、区），如“北京市怀柔区”）',
    })
    const listed = [{ ...GOOD.建筑服务.row, site: '河北省保定市阜平县' }]
    expect((await postInvoice(p.url, p.seller, issueRequest(special('建筑服务', { rows: listed })), 'listed-county')).status).toBe(201)
  })

  it('refuses a 税收分类编码 outside the kind’s branches, naming the line', async () => {
    const p = await sandboxWithParties(tempDir())
    // a 货物运输 code on a 建筑服务 invoice
    const r = await postInvoice(p.url, p.seller, issueRequest(special('建筑服务', { taxCode: GOOD.货物运输服务.code })), 'bad-code')
    expect(r.status).toBe(400)
    const issue = issuesOf(r.body).find((i) => i.path === 'draft.lines.0.taxCode')
    expect(issue?.message).toContain(`建筑服务发票的商品和服务税收分类编码应属于 建筑服务（305…），${GOOD.货物运输服务.code} 不属于`)
  })

  it('refuses a 特定业务 of a kind it does not know, in Chinese', async () => {
    const p = await sandboxWithParties(tempDir())
    const body = issueRequest(special('建筑服务'))
    const r = await postInvoice(p.url, p.seller, { ...body, draft: { ...body.draft, specialBusiness: { kind: '农产品收购', rows: [] } as unknown as SpecialBusiness } }, 'bad-kind')
    expect(r.status).toBe(400)
    expect(issuesOf(r.body).map((i) => [i.path, i.message])).toContainEqual(['draft.specialBusiness.kind', expect.stringContaining('特定业务应为 建筑服务')])
  })

  it('issues a good invoice of each kind and keeps its 特定业务: on issue, on read and in the buyer’s feed', async () => {
    const p = await sandboxWithParties(tempDir())
    const numbers = new Map<SpecialKind, string>()
    for (const [i, { kind }] of SPECIAL_KINDS.entries()) {
      const r = await postInvoice<PlatformInvoice>(p.url, p.seller, issueRequest(special(kind)), `good-${i}`)
      expect([kind, r.status]).toEqual([kind, 201])
      expect(r.body.draft.specialBusiness).toEqual({ kind, rows: [GOOD[kind].row] })
      numbers.set(kind, r.body.number)
    }
    for (const [kind, number] of numbers) {
      const read = await get<PlatformInvoice>(p.url, `/api/v1/invoices/${number}`, p.other)
      expect(read.body.draft.specialBusiness?.kind).toBe(kind)
    }
    const feed = await get<ChangesPage>(p.url, '/api/v1/changes?after=0', p.other)
    const received = feed.body.changes.filter((c) => c.kind === 'invoice.received').map((c) => c.data as PlatformInvoice)
    expect(received.map((i) => [i.number, i.draft.specialBusiness?.kind])).toEqual([...numbers].map(([kind, number]) => [number, kind]))
  })
})
