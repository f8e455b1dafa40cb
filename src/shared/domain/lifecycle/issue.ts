// An invoice's life as two small state machines (issue 12): its 开具 state on this client and, for a
// blue invoice, its 红冲状态. Each move is an event → the next state, or a refusal in Chinese. The
// core's one owner (features/invoices/lifecycle.ts) runs every change of an invoice through here; the
// screens ask `isEditable`. The buyer's 入账 and 用途 states are lifecycle/booking.ts.
import type { RedStatus } from '../../platform/wire'
import { RED_STATUS_LABELS } from '../red/redStatus'

export const INVOICE_STATES = [
  { code: 'draft', label: '草稿' },
  { code: 'queued', label: '待开具' },
  { code: 'issuing', label: '开具中' },
  { code: 'issued', label: '已开具' },
  { code: 'failed', label: '开具失败' },
] as const
export type InvoiceState = (typeof INVOICE_STATES)[number]['code']
export const INVOICE_STATE_CODES = INVOICE_STATES.map((s) => s.code) as [InvoiceState, ...InvoiceState[]]

/**
 * What moves an invoice on. The user's: `edit` (保存 a draft or a refused invoice), `issue` (开票 or
 * 重试). The sync engine's: `send` (its request leaves), `retry` (it must go again: offline, 5xx),
 * `accepted` (the platform issued it — its answer, or the feed settling a command whose answer was
 * lost), `refused` (the platform said no, in its words).
 */
export const ISSUE_EVENTS = [
  { code: 'edit', label: '修改' },
  { code: 'issue', label: '开票' },
  { code: 'send', label: '上传至平台' },
  { code: 'retry', label: '等待重新上传' },
  { code: 'accepted', label: '记为已开具' },
  { code: 'refused', label: '记为开具失败' },
] as const
export type IssueEvent = (typeof ISSUE_EVENTS)[number]['code']

export type Move<S> = { to: S } | { refused: string }

const ISSUE_MOVES: Record<InvoiceState, Partial<Record<IssueEvent, InvoiceState>>> = {
  // a draft the platform issued anyway: a command refused as a mismatch (开具失败, then edited) that
  // the platform had in fact issued under its key — the feed says so, and the platform's word wins
  draft: { edit: 'draft', issue: 'queued', accepted: 'issued' },
  queued: { send: 'issuing', accepted: 'issued' },
  // sent again after a crash left its request on the way; the same key gets the same answer
  issuing: { send: 'issuing', retry: 'queued', accepted: 'issued', refused: 'failed' },
  // answered twice (a replayed response, then the feed): nothing changes the second time
  issued: { accepted: 'issued' },
  // editing makes it a draft again; 重试 queues it with a new key; a mismatch refusal may still
  // turn out issued when the feed tells
  failed: { edit: 'draft', issue: 'queued', accepted: 'issued' },
}

const stateLabel = (s: InvoiceState) => INVOICE_STATES.find((x) => x.code === s)!.label
const eventLabel = (e: IssueEvent) => ISSUE_EVENTS.find((x) => x.code === e)!.label

/** the user's refusals say what to do instead */
function refusalOf(from: InvoiceState, event: IssueEvent): string {
  if (event === 'edit' || event === 'issue') {
    if (from === 'issued') return event === 'edit' ? '发票已开具，不能修改；如需更正请开具红字发票' : '发票已开具，不能再次开票'
    return event === 'edit' ? '发票已排队等待上传至平台，不能修改' : '发票已在排队等待上传至平台'
  }
  return `发票当前为“${stateLabel(from)}”，不能${eventLabel(event)}`
}

export function issueMove(from: InvoiceState, event: IssueEvent): Move<InvoiceState> {
  const to = ISSUE_MOVES[from][event]
  return to ? { to } : { refused: refusalOf(from, event) }
}

/** an invoice's content may still change (and it may be deleted): a draft, or one the platform refused */
export function isEditable(state: InvoiceState): boolean {
  return 'to' in issueMove(state, 'edit')
}

const RED_ORDER: readonly RedStatus[] = ['normal', 'partly-reversed', 'fully-reversed']

/**
 * A blue invoice's 红冲状态 as the platform tells it (its red invoices decide: 正常 → 部分红冲 →
 * 全额红冲): the event is the status told. It never goes back — a red invoice is never undone —
 * and telling the same status again changes nothing.
 */
export function redMove(from: RedStatus, told: RedStatus): Move<RedStatus> {
  if (RED_ORDER.indexOf(told) >= RED_ORDER.indexOf(from)) return { to: told }
  return { refused: `红冲状态不能从“${RED_STATUS_LABELS[from]}”回到“${RED_STATUS_LABELS[told]}”：红字发票开具后不能撤销` }
}
