// 红字确认单 rows: the whole RedConfirmation in `document`, beside the columns queries need. Only the
// blue invoice's two parties may see a form: anyone else gets NOT_FOUND, as for a number that does
// not exist, so its existence is not told.
import { type RedConfirmation, type RedConfirmationPage, type RedLine, type RedParty, redConfirmationQuery, type RedConfirmationQuery } from '../../shared/platform/red'
import { fenOfText } from '../../shared/domain/invoice'
import { parseOrRefuse, PlatformError } from '../errors'
import { stmt } from '../store/statements'
import type { Ctx } from './context'

export const RED_PATH = '/api/v1/red-confirmations'

export function loadForm(ctx: Ctx, number: string): RedConfirmation | undefined {
  const row = stmt(ctx.db, 'SELECT document FROM red_confirmations WHERE number = ?').get(number) as { document: string } | undefined
  return row ? (JSON.parse(row.document) as RedConfirmation) : undefined
}

/** the caller's side of the form, or null for a third taxpayer */
export function partyOf(form: RedConfirmation, taxId: string): RedParty | null {
  if (form.seller.taxId === taxId) return 'seller'
  return form.buyer.taxId === taxId ? 'buyer' : null
}

export function formForParty(ctx: Ctx, taxId: string, number: string): { form: RedConfirmation; side: RedParty } {
  const form = /^[0-9A-Z]{20}$/.test(number) ? loadForm(ctx, number) : undefined
  const side = form ? partyOf(form, taxId) : null
  if (!form || !side) throw new PlatformError('NOT_FOUND', `没有找到红字确认单 ${number}`)
  return { form, side }
}

const fen = (text: string): number => fenOfText(text) ?? 0

export function insertForm(ctx: Ctx, form: RedConfirmation, deadline: string): void {
  stmt(
    ctx.db,
    `INSERT INTO red_confirmations (number, blue_number, seller_tax_id, buyer_tax_id, initiator, reason, status, lines,
       amount_fen, tax_fen, total_fen, created_at, deadline, client_ref, document)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    form.number,
    form.blueNumber,
    form.seller.taxId,
    form.buyer.taxId,
    form.initiator,
    form.reason,
    form.status,
    JSON.stringify(form.lines),
    fen(form.amount),
    fen(form.tax),
    fen(form.total),
    form.createdAt,
    deadline,
    form.clientRef,
    JSON.stringify(form),
  )
}

/** after a change of state; `decidedAt` when the other party agreed or refused just now */
export function updateForm(ctx: Ctx, form: RedConfirmation, decidedAt?: string): void {
  stmt(
    ctx.db,
    `UPDATE red_confirmations SET status = ?, opinion = ?, red_invoice_number = ?, decided_at = coalesce(?, decided_at), document = ?
      WHERE number = ?`,
  ).run(form.status, form.opinion, form.redInvoiceNumber, decidedAt ?? null, JSON.stringify(form), form.number)
}

/** the form still open on a blue invoice (02, 03, or 04 not yet issued), if any: one at a time */
export function openFormOn(ctx: Ctx, blueNumber: string): { number: string; status: string } | undefined {
  return stmt(
    ctx.db,
    `SELECT number, status FROM red_confirmations
      WHERE blue_number = ? AND (status IN ('02', '03') OR (status = '04' AND red_invoice_number IS NULL))`,
  ).get(blueNumber) as { number: string; status: string } | undefined
}

/** the lines of every form that became a red invoice against this blue invoice */
export function issuedRedLines(ctx: Ctx, blueNumber: string): RedLine[][] {
  const rows = stmt(ctx.db, 'SELECT lines FROM red_confirmations WHERE blue_number = ? AND red_invoice_number IS NOT NULL ORDER BY created_at').all(blueNumber) as {
    lines: string
  }[]
  return rows.map((r) => JSON.parse(r.lines) as RedLine[])
}

export function listForms(ctx: Ctx, taxId: string, query: RedConfirmationQuery = {}): RedConfirmationPage {
  const q = parseOrRefuse(redConfirmationQuery, query, '查询条件不正确')
  const side = q.role === 'seller' ? 'seller_tax_id = @taxId' : q.role === 'buyer' ? 'buyer_tax_id = @taxId' : '(seller_tax_id = @taxId OR buyer_tax_id = @taxId)'
  const where = `${side} AND (@status IS NULL OR status = @status) AND (@blue IS NULL OR blue_number = @blue)`
  const params = { taxId, status: q.status ?? null, blue: q.blueNumber ?? null }
  const { n } = stmt(ctx.db, `SELECT count(*) AS n FROM red_confirmations WHERE ${where}`).get(params) as { n: number }
  const rows = stmt(ctx.db, `SELECT document FROM red_confirmations WHERE ${where} ORDER BY created_at, number LIMIT @size OFFSET @offset`).all({
    ...params,
    size: q.size,
    offset: (q.page - 1) * q.size,
  }) as { document: string }[]
  return { total: n, rows: rows.map((r) => JSON.parse(r.document) as RedConfirmation) }
}
