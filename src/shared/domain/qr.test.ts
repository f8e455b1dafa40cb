import { describe, expect, it } from 'vitest'
import { buildQrPayload, parseQrPayload, qrSignedPart } from './qr'

describe('数电 QR payload', () => {
  it('parses the published example', () => {
    expect(parseQrPayload('01,32,,24312000000136634917,0.01,20240514,,1DD6')).toEqual({
      kind: '82',
      number: '24312000000136634917',
      total: '0.01',
      date: '20240514',
      check: '1DD6',
    })
  })

  it('builds 专票 as type 31 and round-trips', () => {
    const f = { kind: '81' as const, number: '26442000000000000001', total: '10600.00', date: '20261130', check: '0A9F' }
    const text = buildQrPayload(f)
    expect(text).toBe('01,31,,26442000000000000001,10600.00,20261130,,0A9F')
    expect(text.startsWith(qrSignedPart(f))).toBe(true)
    expect(parseQrPayload(text)).toEqual(f)
  })

  it('refuses malformed fields', () => {
    const ok = { kind: '82' as const, number: '26442000000000000001', total: '1.00', date: '20261130', check: 'ABCD' }
    expect(() => buildQrPayload({ ...ok, number: '123' })).toThrow(RangeError)
    expect(() => buildQrPayload({ ...ok, total: '1' })).toThrow(RangeError)
    expect(() => buildQrPayload({ ...ok, date: '2026-11-30' })).toThrow(RangeError)
    expect(() => buildQrPayload({ ...ok, check: 'abcd' })).toThrow(RangeError)
    for (const bad of [
      '',
      '01,33,,26442000000000000001,1.00,20261130,,ABCD',
      '02,32,,26442000000000000001,1.00,20261130,,ABCD',
      '01,32,,2644,1.00,20261130,,ABCD',
      '01,32,x,26442000000000000001,1.00,20261130,,ABCD',
    ])
      expect(parseQrPayload(bad)).toBeNull()
  })
})
