// Counts grouped as people read them, without the locale data (see formatCount).
import { describe, expect, it } from 'vitest'
import { formatCount } from './units'

describe('formatCount', () => {
  it('groups the digits by three, as toLocaleString("en-US") does', () => {
    for (const n of [0, 7, 999, 1000, 2000, 20_000, 200_000, 1_234_567, -1234]) expect(formatCount(n)).toBe(n.toLocaleString('en-US'))
    expect(formatCount(200_000)).toBe('200,000')
  })
})
