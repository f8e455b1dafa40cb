import { describe, expect, it } from 'vitest'
import type { RedStatus } from '../../platform/wire'
import { INVOICE_STATES, ISSUE_EVENTS, isEditable, issueMove, redMove, type InvoiceState, type IssueEvent } from './issue'

// Every state × every event: the next state, or — when refused — a word of the Chinese refusal.
const x = (word: string) => ({ refused: word })
const ISSUE_TABLE: Record<InvoiceState, Record<IssueEvent, InvoiceState | { refused: string }>> = {
  draft: { edit: 'draft', issue: 'queued', send: x('草稿'), retry: x('草稿'), accepted: 'issued', refused: x('草稿') },
  queued: { edit: x('排队'), issue: x('排队'), send: 'issuing', retry: x('待开具'), accepted: 'issued', refused: x('待开具') },
  issuing: { edit: x('排队'), issue: x('排队'), send: 'issuing', retry: 'queued', accepted: 'issued', refused: 'failed' },
  issued: { edit: x('红字发票'), issue: x('已开具'), send: x('已开具'), retry: x('已开具'), accepted: 'issued', refused: x('已开具') },
  failed: { edit: 'draft', issue: 'queued', send: x('开具失败'), retry: x('开具失败'), accepted: 'issued', refused: x('开具失败') },
}

describe('the issue state machine', () => {
  it('covers every state and every event', () => {
    expect(Object.keys(ISSUE_TABLE).sort()).toEqual(INVOICE_STATES.map((s) => s.code).sort())
    for (const row of Object.values(ISSUE_TABLE)) expect(Object.keys(row).sort()).toEqual(ISSUE_EVENTS.map((e) => e.code).sort())
  })

  for (const [from, row] of Object.entries(ISSUE_TABLE) as [InvoiceState, Record<IssueEvent, InvoiceState | { refused: string }>][])
    for (const [event, expected] of Object.entries(row) as [IssueEvent, InvoiceState | { refused: string }][])
      it(`${from} × ${event} → ${typeof expected === 'string' ? expected : 'refused'}`, () => {
        const move = issueMove(from, event)
        if (typeof expected === 'string') expect(move).toEqual({ to: expected })
        else {
          expect('refused' in move && move.refused).toContain(expected.refused)
          // a refusal is for a person: Chinese, never a code
          expect('refused' in move && move.refused).toMatch(/^[^a-z]*$/)
        }
      })

  it('editable means edit is a move: 草稿 and 开具失败 only', () => {
    expect(INVOICE_STATES.filter((s) => isEditable(s.code)).map((s) => s.code)).toEqual(['draft', 'failed'])
  })
})

const RED: RedStatus[] = ['normal', 'partly-reversed', 'fully-reversed']
// from × the status the platform told
const RED_TABLE: Record<RedStatus, Record<RedStatus, RedStatus | null>> = {
  normal: { normal: 'normal', 'partly-reversed': 'partly-reversed', 'fully-reversed': 'fully-reversed' },
  'partly-reversed': { normal: null, 'partly-reversed': 'partly-reversed', 'fully-reversed': 'fully-reversed' },
  'fully-reversed': { normal: null, 'partly-reversed': null, 'fully-reversed': 'fully-reversed' },
}

describe('the 红冲状态 machine', () => {
  for (const from of RED)
    for (const told of RED)
      it(`${from} told ${told} → ${RED_TABLE[from][told] ?? 'refused'}`, () => {
        const expected = RED_TABLE[from][told]
        const move = redMove(from, told)
        if (expected) expect(move).toEqual({ to: expected })
        else expect('refused' in move && move.refused).toMatch(/^红冲状态不能从“(部分红冲|全额红冲)”回到“(正常|部分红冲)”/)
      })
})
