import { describe, expect, it } from 'vitest'
import { allowedCodesText, checkSpecialBusiness, parseSpecialKind, SPECIAL_KINDS, specialBusinessSchema, specialCodeIssues, specialFieldKey, specialPrintBlock } from './index'
import { GOOD } from './testSpecial'

describe('the draft schema', () => {
  it('takes no 特定业务, or a known kind with rows of strings', () => {
    expect(specialBusinessSchema.parse(undefined)).toBeUndefined()
    expect(specialBusinessSchema.parse(null)).toBeNull()
    expect(specialBusinessSchema.parse({ kind: '建筑服务', rows: [GOOD.建筑服务.row] })).toEqual({ kind: '建筑服务', rows: [GOOD.建筑服务.row] })
  })

  it('refuses an unknown kind in Chinese', () => {
    const r = specialBusinessSchema.safeParse({ kind: '农产品收购', rows: [] })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toBe('特定业务应为 建筑服务、货物运输服务、不动产销售、不动产经营租赁服务、旅客运输服务')
  })

  it('refuses a value that is not text', () => {
    expect(specialBusinessSchema.safeParse({ kind: '建筑服务', rows: [{ site: 3 }] }).success).toBe(false)
  })
})

describe('checkSpecialBusiness on a draft', () => {
  it('a plain invoice has no 特定业务 issues, whatever its codes', () => {
    expect(checkSpecialBusiness({ lines: [{ taxCode: '3040201010000000000' }] })).toEqual([])
    expect(checkSpecialBusiness({ lines: [{ taxCode: '3040201010000000000' }], specialBusiness: null })).toEqual([])
  })

  it('leaves a blank or malformed code to validateDraft', () => {
    expect(checkSpecialBusiness({ lines: [{ taxCode: '' }, { taxCode: '305' }], specialBusiness: { kind: '建筑服务', rows: [GOOD.建筑服务.row] } })).toEqual([])
  })

  it('reports the rows first, then the lines', () => {
    const issues = checkSpecialBusiness({ lines: [{ taxCode: '5010101000000000000' }], specialBusiness: { kind: '建筑服务', rows: [{ ...GOOD.建筑服务.row, projectName: '' }] } })
    expect(issues.map((i) => i.path)).toEqual(['specialBusiness.rows.0.projectName', 'lines.0.taxCode'])
  })
})

describe('specialCodeIssues: the lines alone, as the issuing screen tells them while typing', () => {
  it('are the lines checkSpecialBusiness reports, whatever the rows hold', () => {
    const draft = { lines: [{ taxCode: '3050100000000000000' }, { taxCode: '5010101000000000000' }, { taxCode: '' }], specialBusiness: { kind: '建筑服务' as const, rows: [] } }
    expect(specialCodeIssues(draft)).toEqual([
      { path: 'lines.1.taxCode', message: '第 2 行：建筑服务发票的商品和服务税收分类编码应属于 建筑服务（305…），5010101000000000000 不属于' },
    ])
    expect(checkSpecialBusiness(draft).filter((i) => i.path.startsWith('lines.'))).toEqual(specialCodeIssues(draft))
  })

  it('a plain invoice has none', () => {
    expect(specialCodeIssues({ lines: [{ taxCode: '5010101000000000000' }], specialBusiness: null })).toEqual([])
  })

  it('names the allowed branches of the table', () => {
    expect(allowedCodesText('建筑服务')).toBe('建筑服务（305…）')
    expect(allowedCodesText('不动产销售')).toBe('不动产（5…）')
  })
})

describe('names and headers', () => {
  it.each([
    ['建筑服务', '建筑服务'],
    ['不动产租赁', '不动产经营租赁服务'],
    ['06', '不动产经营租赁服务'],
    [' 旅客运输 ', '旅客运输服务'],
    ['保险机构代收车船税', null],
  ])('parseSpecialKind(%s)', (text, kind) => {
    expect(parseSpecialKind(text)).toBe(kind)
  })

  it('maps the template headers of a kind to its keys', () => {
    expect(specialFieldKey('不动产销售', '跨地市标志')).toBe('crossCity')
    expect(specialFieldKey('不动产经营租赁服务', '租赁期起')).toBe('leaseStart')
    expect(specialFieldKey('建筑服务', '租赁期起')).toBeNull()
  })

  it('every kind has a distinct code and distinct keys', () => {
    expect(new Set(SPECIAL_KINDS.map((k) => k.code)).size).toBe(SPECIAL_KINDS.length)
    for (const k of SPECIAL_KINDS) expect(new Set(k.fields.map((f) => f.key)).size).toBe(k.fields.length)
  })

  it('prints only fields it declares', () => {
    for (const k of SPECIAL_KINDS) for (const c of k.print.columns) for (const key of c.keys) expect([k.kind, k.fields.some((f) => f.key === key)]).toEqual([k.kind, true])
  })
})

describe('the print block', () => {
  it('建筑服务: the label beside the title and one row, 发生地 joined to its address', () => {
    expect(specialPrintBlock({ kind: '建筑服务', rows: [GOOD.建筑服务.row] })).toEqual({
      label: '建筑服务',
      captions: ['土地增值税项目编号', '跨地（市）标志', '建筑服务发生地', '建筑项目名称'],
      rows: [['', '否', '北京市朝阳区望京街道阜通东大街 6 号', '望京 SOHO 幕墙改造']],
    })
  })

  it('不动产经营租赁: the 租赁期 as 起 至 止', () => {
    const block = specialPrintBlock({ kind: '不动产经营租赁服务', rows: [GOOD.不动产经营租赁服务.row] })
    expect(block.rows[0]![1]).toBe('20260101 至 20261231')
  })

  it('货物运输: one printed row per row', () => {
    const row = GOOD.货物运输服务.row
    expect(specialPrintBlock({ kind: '货物运输服务', rows: [row, row] }).rows).toHaveLength(2)
  })
})
