// The admin commands of issue 5 on a data directory while the server runs on it: mark-booked turns
// the seller's reversal into a confirmation the buyer must give, and so does confirm-use (用途确认);
// settings set turns 确认即开票 off, red list shows the forms.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { RedConfirmation } from '../../src/shared/platform/red'
import { IDEMPOTENCY_HEADER, type PlatformInvoice } from '../../src/shared/platform/wire'
import { OTHER, SELLER, tempDir } from '../support/core'
import { bearer, call, issueRequest, postInvoice, sandboxWithParties } from '../support/platformHttp'

function cli(...args: string[]): { status: number | null; json: Record<string, unknown> } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', 'platform', ...args, '--json'], { encoding: 'utf8' })
  const lines = r.stdout.trim().split('\n')
  expect(lines, `exactly one JSON document on stdout, got:\n${r.stdout}\n${r.stderr}`).toHaveLength(1)
  return { status: r.status, json: JSON.parse(lines[0]!) as Record<string, unknown> }
}

describe('platform CLI for 红字发票', { timeout: 180_000 }, () => {
  it('mark-booked, settings set --confirm-issues, red list', async () => {
    const data = tempDir()
    const p = await sandboxWithParties(data)
    const blue = (await postInvoice<PlatformInvoice>(p.url, p.seller, issueRequest(), 'b1')).body

    const booked = cli('invoice', 'mark-booked', '--data', data, blue.number)
    expect(booked).toMatchObject({ status: 0, json: { number: blue.number, status: '02', period: blue.issuedAt.slice(0, 7).replace('-', '') } })
    expect(cli('invoice', 'mark-booked', '--data', data, blue.number, '--status', '09').json.error).toMatchObject({ code: 'VALIDATION' })
    expect(cli('settings', 'set', '--data', data, '--confirm-issues', 'off').json).toEqual({ confirmIssues: false })

    const created = await call<RedConfirmation>(`${p.url}/api/v1/red-confirmations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(p.seller), [IDEMPOTENCY_HEADER]: 'r1' },
      body: JSON.stringify({ blueNumber: blue.number, reason: '01', as: 'seller' }),
    })
    // booked: no direct path, the buyer must confirm
    expect(created.body.status).toBe('02')
    const agreed = await call<RedConfirmation>(`${p.url}/api/v1/red-confirmations/${created.body.number}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(p.other), [IDEMPOTENCY_HEADER]: 'd1' },
      body: JSON.stringify({ agree: true }),
    })
    // 确认即开票 off: agreed, not issued
    expect(agreed.body).toMatchObject({ status: '04', redInvoiceNumber: null })

    const listed = cli('red', 'list', '--data', data, '--tax-id', OTHER.taxId, '--status', '04')
    expect(listed.json).toMatchObject({ total: 1, rows: [{ number: created.body.number, status: '04', blueNumber: blue.number, sellerTaxId: SELLER.taxId }] })
    expect(cli('red', 'list', '--data', data, '--tax-id', OTHER.taxId, '--status', '02').json).toMatchObject({ total: 0 })
  })

  it('confirm-use: 用途确认 as the buyer, so the seller waits for it; mark-booked twice is 重复入账', async () => {
    const data = tempDir()
    const p = await sandboxWithParties(data)
    const blue = (await postInvoice<PlatformInvoice>(p.url, p.seller, issueRequest(), 'b1')).body
    const ordinary = (await postInvoice<PlatformInvoice>(p.url, p.seller, issueRequest({ kind: '82' }), 'b2')).body

    expect(cli('invoice', 'confirm-use', '--data', data, blue.number, '--no-deduct')).toEqual({ status: 0, json: { number: blue.number, use: 'no-deduct', useLabel: '不抵扣' } })
    expect(cli('invoice', 'confirm-use', '--data', data, blue.number).json.error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('--deduct（抵扣）或 --no-deduct（不抵扣）'),
    })
    expect(cli('invoice', 'confirm-use', '--data', data, ordinary.number, '--deduct')).toMatchObject({
      status: 1,
      json: { error: { code: 'VALIDATION', message: '只有增值税专用发票可以用途确认，该发票是普通发票' } },
    })
    const created = await call<RedConfirmation>(`${p.url}/api/v1/red-confirmations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(p.seller), [IDEMPOTENCY_HEADER]: 'r1' },
      body: JSON.stringify({ blueNumber: blue.number, reason: '01', as: 'seller' }),
    })
    expect(created.body.status).toBe('02')

    expect(cli('invoice', 'mark-booked', '--data', data, ordinary.number).status).toBe(0)
    expect(cli('invoice', 'mark-booked', '--data', data, ordinary.number).json.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('重复入账') })
  })
})
