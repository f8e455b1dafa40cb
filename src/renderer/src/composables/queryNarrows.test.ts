import { describe, expect, it } from 'vitest'
import { narrows } from './queryNarrows'

describe('narrows: do the 查询条件 narrow the list?', () => {
  const empty = { query: '', state: 'all', dates: null as [string, string] | null }
  it('the empty query, or one differing only in blanks, does not', () => {
    expect(narrows({ ...empty }, empty)).toBe(false)
    expect(narrows({ ...empty, query: '   ' }, empty)).toBe(false)
    expect(narrows({ ...empty, dates: [] as unknown as null }, empty)).toBe(false)
  })
  it('a typed text, another state or a date range does', () => {
    expect(narrows({ ...empty, query: '华为' }, empty)).toBe(true)
    expect(narrows({ ...empty, state: 'failed' }, empty)).toBe(true)
    expect(narrows({ ...empty, dates: ['2026-01-01', '2026-01-31'] }, empty)).toBe(true)
  })
  it('compares against the empty query as it is (a default date range is no filter)', () => {
    const month = { side: '销项', dates: ['2026-12-01', '2026-12-31'] }
    expect(narrows({ ...month }, month)).toBe(false)
    expect(narrows({ ...month, dates: ['2026-11-01', '2026-12-31'] }, month)).toBe(true)
  })
})
