import { describe, expect, it } from 'vitest'
import { buyerTaxIdProblem } from './buyerTaxId'

describe('the buyer 纳税人识别号 as the field is left', () => {
  it('names a wrong check digit with the digit it should be, as 开票 does', () => {
    expect(buyerTaxIdProblem('企业', '914403001922038217')).toBe('购买方纳税人识别号校验位不正确（按前 17 位计算，第 18 位校验码应为 6），请核对')
    expect(buyerTaxIdProblem('企业', ' 914403001922038216 ')).toBeNull()
  })

  it('leaves an empty field to 开票 (whether it may be empty depends on the 票种)', () => {
    expect(buyerTaxIdProblem('企业', '  ')).toBeNull()
  })

  it('takes a 身份证号 or a 统一社会信用代码 for a person', () => {
    expect(buyerTaxIdProblem('自然人', '11010519491231002X')).toBeNull()
    expect(buyerTaxIdProblem('自然人', '914403001922038216')).toBeNull()
    expect(buyerTaxIdProblem('自然人', '110105194912310021')).toBe('自然人的纳税人识别号应为身份证号码或统一社会信用代码，请核对')
  })
})
