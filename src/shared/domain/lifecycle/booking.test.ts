// The 入账 and 用途 state machines as tables: every state of a received invoice × every kind of
// request row → the result class, and the state after.
import { describe, expect, it } from 'vitest'
import type { BookingResult, BookingStatus, UseChoice, UseStatus } from '../../platform/booking'
import type { RedStatus } from '../../platform/wire'
import { type BookingInvoice, bookingOutcome, type BookingRow, type UseInvoice, useOutcome } from './booking'

const NOW = '202612'
const NUMBER = '26442000000000000001'

/** an invoice of 2026-10-15 in the given state; '-' = the caller received no such invoice */
function invoiceOf(state: string): BookingInvoice | null {
  if (state === '-') return null
  const [colour, red, booking] = state.split('·') as ['blue' | 'red', string, BookingStatus]
  const redStatus = ({ normal: 'normal', partly: 'partly-reversed', fully: 'fully-reversed' } as Record<string, RedStatus>)[red]!
  const booked = ['02', '03', '04', '05'].includes(booking)
  return { colour, redStatus, month: '202610', issueDate: '2026-10-15', booking, period: booked ? '202611' : null }
}

const REQUESTS: Record<string, Omit<BookingRow, 'number'>> = {
  /** 入账 03 in a month between the invoice's and now */
  book: { book: true, period: '202611', type: '03' },
  /** the invoice's own month, no type (02) */
  lower: { book: true, period: '202610' },
  /** the current month */
  upper: { book: true, period: NOW, type: '05' },
  early: { book: true, period: '202609' },
  future: { book: true, period: '202701' },
  bad: { book: true, period: '202613' },
  none: { book: true },
  undo: { book: false },
  /** 撤销入账 with a period filled in anyway: the period is not read */
  undoP: { book: false, period: '209999' },
  date: { book: true, period: '202611', issueDate: '2026-10-15' },
  wrong: { book: true, period: '202611', issueDate: '2026-10-16' },
  code: { book: true, period: '202611', code: '044031900111' },
}

const SHORT: Record<string, BookingResult> = { ok: 'success', nf: 'not-found', ab: 'abnormal', dup: 'duplicate', oth: 'other' }

// colour·红冲状态·入账 → the result of each request (columns as REQUESTS)
const TABLE = `
state          book lower upper early future bad  none undo undoP date wrong code
-              nf   nf    nf    nf    nf     nf   nf   nf   nf    nf   nf    nf
blue·normal·01 ok   ok    ok    oth   oth    oth  oth  oth  oth   ok   nf    nf
blue·normal·02 dup  dup   dup   dup   dup    dup  dup  ok   ok    dup  nf    nf
blue·normal·03 dup  dup   dup   dup   dup    dup  dup  ok   ok    dup  nf    nf
blue·normal·04 dup  dup   dup   dup   dup    dup  dup  ok   ok    dup  nf    nf
blue·normal·05 dup  dup   dup   dup   dup    dup  dup  ok   ok    dup  nf    nf
blue·normal·06 ok   ok    ok    oth   oth    oth  oth  oth  oth   ok   nf    nf
blue·partly·01 ok   ok    ok    oth   oth    oth  oth  oth  oth   ok   nf    nf
blue·partly·02 dup  dup   dup   dup   dup    dup  dup  ok   ok    dup  nf    nf
blue·partly·06 ok   ok    ok    oth   oth    oth  oth  oth  oth   ok   nf    nf
blue·fully·01  ab   ab    ab    ab    ab     ab   ab   oth  oth   ab   nf    nf
blue·fully·02  ab   ab    ab    ab    ab     ab   ab   ok   ok    ab   nf    nf
blue·fully·06  ab   ab    ab    ab    ab     ab   ab   oth  oth   ab   nf    nf
red·normal·01  ab   ab    ab    ab    ab     ab   ab   ab   ab    ab   nf    nf
`

function cells(table: string): { state: string; request: string; expected: BookingResult }[] {
  const [head, ...rows] = table.trim().split('\n')
  const columns = head!.trim().split(/\s+/).slice(1)
  return rows.flatMap((line) => {
    const [state, ...results] = line.trim().split(/\s+/)
    expect(results).toHaveLength(columns.length)
    return results.map((r, i) => ({ state: state!, request: columns[i]!, expected: SHORT[r]! }))
  })
}

describe('入账 (bookingOutcome): every state × request', () => {
  it.each(cells(TABLE))('$state × $request → $expected', ({ state, request, expected }) => {
    const invoice = invoiceOf(state)
    const row = { number: NUMBER, ...REQUESTS[request]! }
    const out = bookingOutcome(invoice, row, NOW)
    expect(out.result).toBe(expected)
    if (expected === 'success') {
      expect(out.message).toBe('')
      if (row.book) expect([out.status, out.period]).toEqual([row.type ?? '02', row.period])
      else expect([out.status, out.period]).toEqual(['06', null])
    } else if (expected === 'not-found') {
      // 查无此票 says nothing of an invoice the row does not match
      expect([out.status, out.period, out.message]).toEqual(['01', null, expect.stringMatching(/^查无此票：/)])
    } else {
      // nothing changes, and the answer says why in Chinese
      expect(out.message).toMatch(/[\u4e00-\u9fff]/)
      expect([out.status, out.period]).toEqual([invoice!.booking, invoice!.period])
    }
    expect(out.earlierPeriod).toBe(expected === 'duplicate' ? '202611' : null)
  })

  it('says what to fix', () => {
    const open = invoiceOf('blue·normal·01')
    const booked = invoiceOf('blue·normal·03')
    const msg = (invoice: BookingInvoice | null, r: keyof typeof REQUESTS) => bookingOutcome(invoice, { number: NUMBER, ...REQUESTS[r]! }, NOW).message
    expect(msg(null, 'book')).toBe(`查无此票：没有找到您作为购买方收到的发票号码为 ${NUMBER} 的发票`)
    expect(msg(open, 'code')).toContain('税控发票')
    expect(msg(open, 'wrong')).toBe(`查无此票：发票 ${NUMBER} 的开票日期不是 2026-10-16，请核对开票日期`)
    expect(msg(open, 'early')).toBe('入账所属期 202609 早于发票的开票月份 202610，不能入账')
    expect(msg(open, 'future')).toBe('入账所属期 202701 晚于当前所属期 202612，不能入账')
    expect(msg(open, 'bad')).toBe('入账所属期应为 YYYYMM（如 202611），现为“202613”')
    expect(msg(open, 'none')).toBe('入账须填写入账所属期（YYYYMM，如 202611）')
    expect(msg(open, 'undo')).toBe('该发票未入账，无需撤销')
    expect(msg(booked, 'lower')).toBe('重复入账：该发票已于入账所属期 202611 入账（入账（企业所得税不扣除））；如需改所属期或入账类型，请先撤销入账')
    expect(msg(invoiceOf('blue·fully·01'), 'book')).toBe('该票异常无法入账：该发票已全额红冲')
    expect(msg(invoiceOf('red·normal·01'), 'undo')).toBe('该票异常无法入账：红字发票不能入账')
  })

  it('a blank 发票代码 is a 数电 row', () => {
    expect(bookingOutcome(invoiceOf('blue·normal·01'), { number: NUMBER, book: true, period: '202611', code: '  ' }, NOW).result).toBe('success')
  })
})

/** kind·colour·红冲状态·用途; '-' = no such invoice */
function useInvoiceOf(state: string): UseInvoice | null {
  if (state === '-') return null
  const [kind, colour, red, use] = state.split('·') as [string, 'blue' | 'red', string, UseStatus]
  const redStatus = ({ normal: 'normal', partly: 'partly-reversed', fully: 'fully-reversed' } as Record<string, RedStatus>)[red]!
  return { kind, colour, redStatus, use }
}

// state → the result and the 用途 after, for 抵扣 and for 不抵扣 (* = the state changed)
const USE_TABLE = `
state                      deduct          no-deduct
-                          nf:unconfirmed  nf:unconfirmed
81·blue·normal·unconfirmed ok:deduct*      ok:no-deduct*
81·blue·normal·deduct      ok:deduct       ok:no-deduct*
81·blue·normal·no-deduct   ok:deduct*      ok:no-deduct
81·blue·partly·unconfirmed ok:deduct*      ok:no-deduct*
81·blue·partly·no-deduct   ok:deduct*      ok:no-deduct
81·blue·fully·unconfirmed  ab:unconfirmed  ab:unconfirmed
81·blue·fully·deduct       ab:deduct       ab:deduct
82·blue·normal·unconfirmed ab:unconfirmed  ab:unconfirmed
81·red·normal·unconfirmed  ab:unconfirmed  ab:unconfirmed
`

describe('用途确认 (useOutcome): every state × choice', () => {
  const [head, ...rows] = USE_TABLE.trim().split('\n')
  const choices = head!.trim().split(/\s+/).slice(1) as UseChoice[]
  const table = rows.flatMap((line) => {
    const [state, ...results] = line.trim().split(/\s+/)
    return results.map((cell, i) => {
      const [r, after] = cell.split(':') as [string, string]
      return { state: state!, choice: choices[i]!, expected: SHORT[r]!, use: after.replace('*', '') as UseStatus, changed: after.endsWith('*') }
    })
  })

  it.each(table)('$state × $choice → $expected, $use', ({ state, choice, expected, use, changed }) => {
    const out = useOutcome(useInvoiceOf(state), choice)
    expect(out).toMatchObject({ result: expected, use, changed })
    expect(out.message === '').toBe(expected === 'success')
  })

  it('says why', () => {
    expect(useOutcome(useInvoiceOf('82·blue·normal·unconfirmed'), 'deduct').message).toBe('只有增值税专用发票可以用途确认，该发票是普通发票')
    expect(useOutcome(useInvoiceOf('81·blue·fully·deduct'), 'no-deduct').message).toBe('该票异常：该发票已全额红冲，不能用途确认')
    expect(useOutcome(useInvoiceOf('81·red·normal·unconfirmed'), 'deduct').message).toBe('该票异常：红字发票不能用途确认')
  })
})
