import { describe, expect, it } from 'vitest'
import { blankSpecial, completeSpecial, matchRegions, specialTyped } from './specialForm'

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

  it('an opened draft gets the fields it lacks, keeping what it has', () => {
    expect(completeSpecial({ kind: '建筑服务', rows: [{ site: '北京市朝阳区' }] })?.rows[0]).toMatchObject({ site: '北京市朝阳区', projectName: '' })
    expect(completeSpecial({ kind: '不动产销售', rows: [] })?.rows).toHaveLength(1)
    expect(completeSpecial(undefined)).toBeNull()
  })
})

describe('行政区划 suggestions', () => {
  const list = ['北京市东城区', '北京市朝阳区', '河北省石家庄市长安区', '天津市滨海新区', '境外']

  it('finds a name from its characters in order, keeping the list order', () => {
    expect(matchRegions(list, '北京朝阳', 20)).toEqual(['北京市朝阳区'])
    expect(matchRegions(list, '石家庄长安', 20)).toEqual(['河北省石家庄市长安区'])
    expect(matchRegions(list, '北京', 20)).toEqual(['北京市东城区', '北京市朝阳区'])
    expect(matchRegions(list, '朝阳北京', 20)).toEqual([])
  })

  it('gives at most `max` names', () => {
    expect(matchRegions(list, '区', 2)).toEqual(['北京市东城区', '北京市朝阳区'])
  })
})
