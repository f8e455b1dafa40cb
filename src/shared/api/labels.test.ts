// A refusal names its field as a bookkeeper reads it (that every field of the contract has a name
// is checked in tests/integration/messages-chinese.test.ts, with the schema walk it shares).
import { describe, expect, it } from 'vitest'
import { fieldLabel } from './labels'

describe('field labels', () => {
  it('say where a field is: the row of a line, the item of a list, the request as a whole', () => {
    expect(fieldLabel(['lines', 2, 'unitPrice'])).toBe('第 3 行单价')
    expect(fieldLabel(['draft', 'lines', 0, 'name'])).toBe('第 1 行项目名称')
    expect(fieldLabel(['buyer', 'name'])).toBe('购买方名称')
    expect(fieldLabel(['draft', 'buyer', 'taxId'])).toBe('购买方纳税人识别号')
    expect(fieldLabel(['extras', 1, 'value'])).toBe('第 2 项附加要素值')
    expect(fieldLabel(['ids', 0])).toBe('所选记录第 1 项')
    expect(fieldLabel(['taxId'])).toBe('纳税人识别号')
    expect(fieldLabel([])).toBe('请求内容')
  })
})
