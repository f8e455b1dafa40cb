// NUL and the other control characters (issue 10 §3): refused in every text, naming the field, on
// the client through web mode's HTTP API and on the sandbox over its own HTTP API — and nothing is
// stored. A line break stays allowed where a field spans lines (备注, 处理意见).
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startWebServer } from '../../src/main/web/server'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { tempDir, testCore } from '../support/core'
import { call, issueRequest, postInvoice, sandboxWithParties } from '../support/platformHttp'

interface Refusal {
  error?: { code: string; message: string; details?: { issues?: { path: string; message: string }[] }; issues?: { path: string; message: string }[] }
}

describe('control characters', () => {
  it('web mode refuses them in any call, naming the field, and stores nothing', async () => {
    const core = await testCore()
    const server = await startWebServer({ core, rendererDir: path.resolve('src/renderer') })
    onTestFinished(() => server.close())
    const post = (name: string, input: unknown) =>
      call<Refusal>(`${server.url}/api/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-fapiao-token': server.token },
        body: JSON.stringify(input),
      })

    const nul = await post('customers.create', { name: '华为\u0000技术有限公司', taxId: '914403001922038216' })
    expect(nul.body.error).toMatchObject({ code: 'VALIDATION', message: '名称含有不可见的控制字符（U+0000），请删除后重新输入' })
    expect((await core.call('customers.list', {})).total).toBe(0)

    const tab = await post('invoices.saveDraft', { draft: testDraft({ lines: [{ ...testDraft().lines[0]!, name: '软件\t开发' }] }) })
    expect(tab.body.error?.details?.issues).toEqual([{ path: 'draft.lines.0.name', message: '第 1 行项目名称不能包含制表符，请改为一行' }])
    expect((await core.call('invoices.list', {})).total).toBe(0)

    // 备注 spans lines
    const remark = await post('invoices.saveDraft', { draft: testDraft({ remark: '合同号：A-1\r\n交付：2026-12' }) })
    expect(remark.body.error).toBeUndefined()
  })

  it('the sandbox refuses them in any body, naming the field, and issues nothing', async () => {
    const p = await sandboxWithParties(path.join(tempDir(), 'platform'))
    onTestFinished(() => p.server.close())
    const body = issueRequest()
    body.draft.buyer.name = '北京示例\u0007贸易有限公司'
    const refused = await postInvoice<Refusal>(p.url, p.seller, body, 'k1')
    expect(refused.status).toBe(400)
    expect(refused.body.error?.issues).toEqual([{ path: 'draft.buyer.name', message: '购买方名称含有不可见的控制字符（U+0007），请删除后重新输入' }])
    const list = await call<{ total: number }>(`${p.url}/api/v1/invoices`, { headers: { authorization: `Bearer ${p.seller}` } })
    expect(list.body.total).toBe(0)
  })
})
