// validateDraft checks a draft's 特定业务 with the rest of it (issue 13): the same words on the
// issuing screen, in the batch import and on the platform.
import { describe, expect, it } from 'vitest'
import { GOOD } from '../specialBusiness/testSpecial'
import { testDraft, testLine } from './testDraft'
import { validateDraft } from './validate'

describe('validateDraft and 特定业务', () => {
  it('a 建筑服务 invoice with its fields and a 305 code passes; without them each field is named', () => {
    const good = testDraft({ lines: [testLine({ taxCode: GOOD.建筑服务.code })], specialBusiness: { kind: '建筑服务', rows: [GOOD.建筑服务.row] } })
    expect(validateDraft(good).filter((i) => i.path.startsWith('specialBusiness') || i.path.endsWith('taxCode'))).toEqual([])
    const empty = validateDraft({ ...good, specialBusiness: { kind: '建筑服务', rows: [{}] } })
    expect(empty.filter((i) => i.path.startsWith('specialBusiness.rows.0')).map((i) => i.message)).toContain('建筑服务：请填写建筑项目名称')
  })

  it('a code outside the kind is refused on its line; a plain invoice has no 特定业务 issue', () => {
    const wrong = testDraft({ specialBusiness: { kind: '建筑服务', rows: [GOOD.建筑服务.row] } })
    expect(validateDraft(wrong).find((i) => i.path === 'lines.0.taxCode')?.message).toMatch(/^第 1 行：建筑服务发票的商品和服务税收分类编码应属于/)
    expect(validateDraft(testDraft()).filter((i) => i.path.startsWith('specialBusiness'))).toEqual([])
  })
})
