// The sandbox limits failed logins per 纳税人识别号 (issue 10 §4, docs/platform-api.md): 5 failures
// within 15 minutes → 429 TOO_MANY_ATTEMPTS with Retry-After and a Chinese message saying when to
// try again, the right password included; the window runs on the sandbox's clock; a success clears
// the count. The client shows the platform's words.
import { describe, expect, it } from 'vitest'
import { manualClock } from '../../src/platform/clock'
import { call, PASSWORD, register, startSandbox } from '../support/platformHttp'
import { OTHER, SELLER, tempDir, testCore } from '../support/core'

const T0 = new Date('2026-11-28T10:00:00+08:00')

const attempt = (url: string, taxId: string, password: string) =>
  call<{ token?: string; error?: { code: string; message: string } }>(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ taxId, password }),
  })

async function lockedSandbox() {
  const clock = manualClock(T0)
  const server = await startSandbox(tempDir(), clock)
  await register(server.url, SELLER)
  await register(server.url, OTHER)
  return { clock, url: server.url }
}

describe('sandbox login limit', () => {
  it('5 failures in 15 minutes lock the ID (429, Retry-After, when to try again); the clock moving on opens it', async () => {
    const { clock, url } = await lockedSandbox()
    for (let i = 0; i < 5; i++) {
      clock.advance(60_000)
      expect((await attempt(url, SELLER.taxId, 'wrong')).status).toBe(401)
    }
    // 10:05 now; the first failure was at 10:01, so the lock lifts at 10:16
    const locked = await attempt(url, SELLER.taxId, PASSWORD)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe(String(11 * 60))
    expect(locked.body.error).toEqual({
      code: 'TOO_MANY_ATTEMPTS',
      message: `登录失败次数过多：纳税人识别号 ${SELLER.taxId} 在 15 分钟内密码错误 5 次，已暂停登录。请于 10:16（约 11 分钟后）再试`,
    })
    // another taxpayer is not affected; an unknown ID is limited alike (existence is not told)
    expect((await attempt(url, OTHER.taxId, PASSWORD)).status).toBe(200)
    for (let i = 0; i < 5; i++) await attempt(url, '91110000000000000X', 'wrong')
    expect((await attempt(url, '91110000000000000X', 'wrong')).status).toBe(429)

    clock.advance(10 * 60_000 + 59_000)
    expect((await attempt(url, SELLER.taxId, PASSWORD)).status).toBe(429)
    clock.advance(1_000)
    expect((await attempt(url, SELLER.taxId, PASSWORD)).status).toBe(200)
  })

  it('a success clears the count', async () => {
    const { url } = await lockedSandbox()
    for (let i = 0; i < 4; i++) expect((await attempt(url, SELLER.taxId, 'wrong')).status).toBe(401)
    expect((await attempt(url, SELLER.taxId, PASSWORD)).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await attempt(url, SELLER.taxId, 'wrong')).status).toBe(401)
    expect((await attempt(url, SELLER.taxId, PASSWORD)).status).toBe(200)
  })

  it('the client shows the platform words: 测试连接 and the sync status say when to try again', async () => {
    const { url } = await lockedSandbox()
    const core = await testCore()
    await core.call('settings.platform.set', { url, password: PASSWORD })
    for (let i = 0; i < 5; i++) await attempt(url, SELLER.taxId, 'wrong')
    const tested = await core.call('settings.platform.test', {})
    expect(tested.ok).toBe(false)
    expect(tested.message).toMatch(/^登录失败次数过多.*请于 \d\d:\d\d（约 15 分钟后）再试$/)
    const run = await core.call('sync.now', {})
    expect(run.error).toBe(tested.message)
    expect((await core.call('sync.status', {})).lastError).toBe(tested.message)
  })
})
