// 红字发票 (manual §1.1.5–1.1.8, §2.6.3): 红字发票信息确认单 between the seller and the buyer of a
// blue invoice, entered, decided and withdrawn offline-first through the outbox.
import { z } from 'zod'
import { call, paging, type Page } from './define'
import type { DocumentOrigin, SyncState } from './sync'
import type { ReversibleLine } from '../domain/red/reversible'
import { RED_REASON_CODES, RED_STATUSES, redLineInput, type RedHistoryEntry, type RedLine, type RedParty, type RedReason, type RedStatusCode } from '../platform/red'
import type { RedStatus } from '../platform/wire'

/** The blue invoice as this company knows it, with what remains reversible (步骤① of 新增). */
export interface RedCandidate {
  blueNumber: string
  kind: '81' | '82'
  issuedAt: string
  /** this company's side of it */
  role: RedParty
  counterparty: { taxId: string; name: string }
  total: string
  redStatus: RedStatus
  lines: ReversibleLine[]
  remaining: { amount: string; tax: string; total: string }
  /** why only a whole reversal is possible (a 差额开票 invoice), else null */
  wholeOnly: string | null
  /** a form still open on it (only one at a time), by id */
  openFormId: number | null
  /** why nothing can be reversed on it now (全额红冲, nothing left, a form still open), else null */
  blueRefusal: string | null
  /** why each 红冲原因 may not be chosen now (开票有误 only on a whole invoice), null when it may */
  reasonRefusals: Record<RedReason, string | null>
  /** why each 录入方身份 may not start a form now (not this company's side; the buyer before 入账 or 用途确认), null when it may */
  starterRefusals: Record<RedParty, string | null>
  /** the seller's form needs the buyer's confirmation (02, 72 hours): the buyer has booked or confirmed use; else it is issued at once (01 无需确认) */
  sellerNeedsConfirmation: boolean
}

export interface RedForm {
  id: number
  /** 确认单编号, once the platform accepted it */
  number: string | null
  blueNumber: string
  kind: '81' | '82'
  reason: RedReason
  initiator: RedParty
  /** this company's side */
  role: RedParty
  /** null while it waits to reach the platform */
  status: RedStatusCode | null
  statusLabel: string
  counterparty: { taxId: string; name: string }
  lines: RedLine[]
  amount: string
  tax: string
  total: string
  totalInWords: string
  createdAt: string
  /** while 02/03: when it lapses (07) */
  deadline: string | null
  opinion: string | null
  redInvoiceNumber: string | null
  history: RedHistoryEntry[]
  /** the newest command for the platform: its state and error */
  syncState: SyncState
  /** entered here, or by the counterparty (then it came from the platform: not 未上传) */
  origin: Extract<DocumentOrigin, 'local' | 'counterparty'>
  syncError: string | null
  /** what this company asked that is not yet on the platform */
  pendingAction: 'create' | 'decide' | 'withdraw' | 'issue' | null
  /** the platform's words when it refused this company's last request */
  failure: string | null
  /** what this company may do now */
  can: { decide: boolean; withdraw: boolean; issue: boolean }
}

const blueNumber = z
  .string()
  .trim()
  .regex(/^\d{20}$/, '蓝字发票号码应为 20 位数字')
const formRef = z.object({ id: z.number().int().positive() })

export const redFormQuery = z.object({
  status: z.enum(RED_STATUSES.map((s) => s.code) as [RedStatusCode, ...RedStatusCode[]]).optional(),
  /** pending: waiting to reach the platform */
  state: z.enum(['pending', 'todo', 'done']).optional(),
  /** 录入方身份: forms this company entered (as seller or buyer) or the counterparty entered */
  role: z.enum(['seller', 'buyer']).optional(),
  initiatedBy: z.enum(['me', 'counterparty']).optional(),
  dateFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  dateTo: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** counterparty name contains / tax ID starts with */
  counterparty: z.string().trim().max(100).optional(),
  blueNumber: z.string().trim().max(20).optional(),
})

export type { ReversibleLine }

export const redApi = {
  /** the blue invoice (销项 or 进项 by number) and what remains reversible; NOT_FOUND if this company is no party to it */
  'red.candidate': call(z.object({ blueNumber })).returns<RedCandidate>(),
  /** 提交: checks with the shared rules, saves the form and queues it for the platform */
  'red.create': call(
    z.object({
      blueNumber,
      reason: z.enum(RED_REASON_CODES, { error: '请选择红冲原因' }),
      as: z.enum(['seller', 'buyer'], { error: '请选择录入方身份' }),
      /** absent: everything that remains (a full reversal when nothing was reversed yet) */
      lines: z.array(redLineInput).min(1, '请至少保留一行红字明细').max(5000).optional(),
    }),
  ).returns<RedForm>(),
  'red.list': call(redFormQuery.extend(paging)).returns<Page<RedForm>>(),
  /** by local id or by 确认单编号 */
  'red.get': call(z.union([formRef, z.object({ number: z.string().trim().length(20, '确认单编号应为 20 位') })])).returns<RedForm>(),
  /** 同意 / 拒绝 (with 处理意见) a form the counterparty entered */
  'red.decide': call(formRef.extend({ agree: z.boolean(), opinion: z.string().trim().max(200).default('') })).returns<RedForm>(),
  /** 撤销 */
  'red.withdraw': call(formRef).returns<RedForm>(),
  /** 开票 for an agreed form not yet issued (the platform's 确认即开票 off) */
  'red.issue': call(formRef).returns<RedForm>(),
}
