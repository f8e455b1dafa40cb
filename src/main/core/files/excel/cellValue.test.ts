import { describe, expect, it } from 'vitest'
import type { CellObject } from 'xlsx'
import { cellProblem, cellText, plainNumber } from './cellValue'

describe('plainNumber', () => {
  it.each([
    [0.13, '0.13'],
    [3.3000000000000003, '3.3'],
    [0.1 + 0.2, '0.3'],
    [123456789012345, '123456789012345'],
    [1e21, '1000000000000000000000'],
    [-1.5e22, '-15000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e-9, '-0.0000000025'],
    [-0, '0'],
    [100, '100'],
  ])('%d → %s', (n, s) => {
    expect(plainNumber(n)).toBe(s)
  })
})

describe('cellText and cellProblem', () => {
  const n = (v: number): CellObject => ({ t: 'n', v })
  const s = (v: string): CellObject => ({ t: 's', v })

  it('shows a long number in a text column as Excel displays it, and flags it', () => {
    const cell = n(913100007109344930)
    expect(cellText(cell, true)).toBe('9.13100007109345E+17')
    expect(cellProblem(cell, '9.13100007109345E+17', true)).toContain('（9.13100007109345E+17）')
    expect(cellText(n(1e15), true)).toBe('1E+15')
  })

  it('accepts a 15-digit number in a text column', () => {
    expect(cellText(n(999999999999999), true)).toBe('999999999999999')
    expect(cellProblem(n(999999999999999), '999999999999999', true)).toBeNull()
  })

  it.each(['9.13E+17', '9.13e17', '9.13044E+17', '-9.1E+17'])('flags %s typed as text in a text column', (text) => {
    expect(cellProblem(s(text), text, true)).toContain(`（${text}）`)
    expect(cellProblem(s(text), text, false)).toBeNull()
  })

  it.each(['91310000MA1FL4B24G', '310115123E45678', '0012', '1.5'])('accepts %s in a text column', (text) => {
    expect(cellProblem(s(text), text, true)).toBeNull()
  })

  it('converts booleans, dates and errors', () => {
    expect(cellText({ t: 'b', v: true }, false)).toBe('是')
    expect(cellText({ t: 'b', v: false }, false)).toBe('否')
    expect(cellText({ t: 'd', v: new Date(Date.UTC(2024, 1, 29, 23, 59)) }, false)).toBe('2024-02-29')
    expect(cellText({ t: 'e', v: 0x07 }, false)).toBe('#DIV/0!')
    expect(cellText(undefined, false)).toBe('')
    expect(cellText({ t: 'z' }, false)).toBe('')
  })

  it('trims every kind of space', () => {
    expect(cellText(s('\u3000\u00a0 上海 甲\t\ufeff'), false)).toBe('上海 甲')
  })
})
