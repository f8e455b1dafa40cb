import { describe, expect, it } from 'vitest'
import { safeCellText, unguardCellText } from './formulaGuard'

describe('formula guard', () => {
  const samples = ['=1+1', '-5', '@sum', '+86 138 0000 0000', ' =x', '\t1', '\r1', "'", "''", "'=1", "''=1", "'abc", 'abc', '', '-', '5-3', '＝1']

  it('round-trips every text exactly', () => {
    for (const s of samples) expect(unguardCellText(safeCellText(s))).toBe(s)
  })

  it('leaves text alone that no export produced', () => {
    expect(unguardCellText("'abc")).toBe("'abc")
    expect(unguardCellText("'0012")).toBe("'0012")
    expect(unguardCellText('=1+1')).toBe('=1+1')
  })
})
