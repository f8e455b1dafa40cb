import { describe, expect, it } from 'vitest'
import { allowedCodesText, blankSpecial, completeSpecial, specialTyped } from './specialForm'

describe('the issuing screen’s 特定业务 block', () => {
  it('a new kind has one empty row with every field of the kind', () => {
    expect(blankSpecial('建筑服务')).toEqual({
      kind: '建筑服务',
      rows: [{ site: '', siteAddress: '', projectName: '', landVatProjectNo: '', crossCity: '', crossRegionNo: '' }],
    })
  })

  it('asks before dropping only what was typed', () => {
    expect(specialTyped(null)).toBe(false)
    expect(specialTyped(blankSpecial('货物运输服务'))).toBe(false)
    expect(specialTyped({ kind: '货物运输服务', rows: [{ from: ' ' }, { goods: '钢材' }] })).toBe(true)
  })

  it('names the allowed branches of the table', () => {
    expect(allowedCodesText('建筑服务')).toBe('建筑服务（305…）')
    expect(allowedCodesText('不动产销售')).toBe('不动产（5…）')
  })

  it('an opened draft gets the fields it lacks, keeping what it has', () => {
    expect(completeSpecial({ kind: '建筑服务', rows: [{ site: '北京市朝阳区' }] })?.rows[0]).toMatchObject({ site: '北京市朝阳区', projectName: '' })
    expect(completeSpecial({ kind: '不动产销售', rows: [] })?.rows).toHaveLength(1)
    expect(completeSpecial(undefined)).toBeNull()
  })
})
