// Invoices as the real platform sandbox issues them (over HTTP, as a client would get them), for the
// XML and OFD tests: a 专票, a long 普票 with a discount and 附加要素, one whose texts carry XML's
// markup characters, and a red invoice reversing the first. Started once per test file (beforeAll).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startPlatformServer } from '../../src/platform/server'
import { sampleDraft } from '../../src/shared/domain/invoice'
import type { RedConfirmation } from '../../src/shared/platform/red'
import { IDEMPOTENCY_HEADER, type PlatformInvoice } from '../../src/shared/platform/wire'
import { OTHER, SELLER } from '../support/core'
import { ADMIN_TOKEN, bearer, call, get, issueRequest, login, postInvoice, register, THIRD } from '../support/platformHttp'

export interface IssuedSet {
  blue: PlatformInvoice
  many: PlatformInvoice
  marked: PlatformInvoice
  /** a 普票 to a natural person without an ID number */
  person: PlatformInvoice
  red: PlatformInvoice
  close(): Promise<void>
}

/** the texts of `marked`: every character XML must escape, in names, 备注 and 附加要素 */
export const MARKED = {
  buyer: 'A&B <测试> "引号" \'单\' 贸易公司',
  remark: '合同 <A&B> "2026"\n第二行',
  extra: { name: '合同<编号>&"', value: 'x < y & "z"' },
}

async function issue(url: string, token: string, body: Parameters<typeof postInvoice>[2], key: string): Promise<PlatformInvoice> {
  const r = await postInvoice<PlatformInvoice>(url, token, body, key)
  if (r.status !== 201) throw new Error(`开票失败：${r.status} ${r.text}`)
  return r.body
}

/** `lines` sets the long invoice's line count (the benchmark asks for more) */
export async function issueInvoices(lines = 60): Promise<IssuedSet> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-ofdxml-'))
  const server = await startPlatformServer({ dataDir, adminToken: ADMIN_TOKEN })
  const url = server.url
  for (const who of [SELLER, OTHER, THIRD]) await register(url, who, '100000000.00')
  const seller = await login(url, SELLER.taxId)

  const blue = await issue(url, seller, issueRequest({ remark: '项目：年度维护' }), 'blue')
  const long = sampleDraft(lines)
  long.lines[1] = { ...long.lines[1]!, discount: '10' }
  long.buyer = { ...long.buyer, name: OTHER.name, taxId: OTHER.taxId }
  long.extras = [
    { name: '项目编号', value: 'P-001' },
    { name: '合同日期', value: '2026-11-01' },
  ]
  const many = await issue(url, seller, { draft: long, drawer: SELLER.operator }, 'many')
  const markedDraft = issueRequest({ remark: MARKED.remark, extras: [MARKED.extra] })
  markedDraft.draft.buyer = { ...markedDraft.draft.buyer, name: MARKED.buyer, taxId: THIRD.taxId }
  const marked = await issue(url, seller, markedDraft, 'marked')
  const personDraft = issueRequest({ kind: '82', extras: [] })
  personDraft.draft.buyer = { ...personDraft.draft.buyer, type: '自然人', name: '张先生', taxId: '' }
  const person = await issue(url, seller, personDraft, 'person')

  const form = await call<RedConfirmation>(`${url}/api/v1/red-confirmations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(seller), [IDEMPOTENCY_HEADER]: 'red' },
    body: JSON.stringify({ blueNumber: blue.number, reason: '01', as: 'seller' }),
  })
  if (form.status !== 201 || !form.body.redInvoiceNumber) throw new Error(`红冲失败：${form.status} ${form.text}`)
  const red = (await get<PlatformInvoice>(url, `/api/v1/invoices/${form.body.redInvoiceNumber}`, seller)).body

  return {
    blue,
    many,
    marked,
    person,
    red,
    async close() {
      await server.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
