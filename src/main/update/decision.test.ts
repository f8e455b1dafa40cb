// The update decision in plain Node: versions (prerelease tags, equal, older, garbage), channels,
// the user's answers (跳过此版本, 稍后), the download's progress and invoices still on their way.
import { describe, expect, it } from 'vitest'
import type { UpdateSettings } from '../../shared/api/updates'
import { checksAutomatically, decide, type UpdateFacts } from './decision'

const SETTINGS: UpdateSettings = { feedUrl: 'https://updates.example.cn/fapiao', channel: 'latest', autoCheck: true, skippedVersions: [] }
const NOTHING_UNSENT = { commands: 0, invoices: 0, companies: [] }

function facts(over: Partial<UpdateFacts> & { offered?: string; running?: string } = {}): UpdateFacts {
  const { offered = '1.3.0', ...rest } = over
  return {
    running: '1.2.0',
    settings: SETTINGS,
    feed: { version: offered, releaseNotes: '新增：批量开具提速', releaseDate: '2026-12-01T08:00:00.000Z', files: [{ url: 'fapiao-1.3.0.exe', size: 90_000_000 }] },
    manual: false,
    later: [],
    download: { state: 'none' },
    unsent: NOTHING_UNSENT,
    ...rest,
  }
}

const step = (f: UpdateFacts) => decide(f).step
const reason = (f: UpdateFacts) => {
  const d = decide(f)
  return d.step === 'idle' ? d.reason : d.step
}

describe('update decision', () => {
  it('asks to download a newer version, showing what is new and its size', () => {
    expect(decide(facts())).toEqual({
      step: 'ask-download',
      offer: { version: '1.3.0', notes: '新增：批量开具提速', releaseDate: '2026-12-01T08:00:00.000Z', bytes: 90_000_000 },
    })
    expect(step(facts({ offered: '2.0.0' }))).toBe('ask-download')
    expect(step(facts({ offered: '1.2.1' }))).toBe('ask-download')
  })

  it('does nothing for the same or an older version (no downgrade), nor for a version that is not semver', () => {
    expect(reason(facts({ offered: '1.2.0' }))).toBe('up-to-date')
    expect(reason(facts({ offered: '1.1.9' }))).toBe('older')
    expect(reason(facts({ offered: '1.2.0-beta.3' }))).toBe('older')
    for (const garbage of ['', 'latest', '1.3', 'v1.3.0.0', '1.3.0; rm -rf /']) expect(reason(facts({ offered: garbage })), garbage).toBe('invalid')
    expect(reason(facts({ running: 'dev' }))).toBe('invalid')
    expect(decide(facts({ offered: '1.1.9' }))).toMatchObject({ message: '更新地址上的版本 1.1.9 比当前版本 1.2.0 旧，不会降级安装' })
    // semver as electron-updater reads it: a leading v and build metadata are fine, build metadata does not make it newer
    expect(step(facts({ offered: 'v1.3.0' }))).toBe('ask-download')
    expect(reason(facts({ offered: '1.2.0+build.7' }))).toBe('up-to-date')
  })

  it('offers a prerelease only on the beta channel; a beta user gets the release after it', () => {
    expect(reason(facts({ offered: '1.3.0-beta.1' }))).toBe('prerelease')
    const beta = { ...SETTINGS, channel: 'beta' as const }
    expect(step(facts({ offered: '1.3.0-beta.1', settings: beta }))).toBe('ask-download')
    expect(step(facts({ running: '1.3.0-beta.1', offered: '1.3.0-beta.2', settings: beta }))).toBe('ask-download')
    expect(reason(facts({ running: '1.3.0-beta.2', offered: '1.3.0-beta.1', settings: beta }))).toBe('older')
    // a beta installed earlier, now on the stable channel: the release it led to is newer
    expect(step(facts({ running: '1.3.0-beta.2', offered: '1.3.0' }))).toBe('ask-download')
  })

  it('looks at nothing without a feed, and only on 检查更新 when automatic checks are off', () => {
    expect(reason(facts({ settings: { ...SETTINGS, feedUrl: null } }))).toBe('no-feed')
    expect(reason(facts({ settings: { ...SETTINGS, feedUrl: null }, manual: true }))).toBe('no-feed')
    expect(reason(facts({ settings: { ...SETTINGS, autoCheck: false } }))).toBe('auto-off')
    expect(step(facts({ settings: { ...SETTINGS, autoCheck: false }, manual: true }))).toBe('ask-download')
    expect(checksAutomatically(SETTINGS)).toBe(true)
    expect(checksAutomatically({ ...SETTINGS, autoCheck: false })).toBe(false)
    expect(checksAutomatically({ ...SETTINGS, feedUrl: null })).toBe(false)
    expect(reason(facts({ feed: null }))).toBe('no-offer')
  })

  it('跳过此版本: not asked again for that version, but for the next; 稍后: not again in this run', () => {
    const skipped = { ...SETTINGS, skippedVersions: ['1.3.0'] }
    expect(reason(facts({ settings: skipped }))).toBe('skipped')
    expect(step(facts({ settings: skipped, offered: '1.3.1' }))).toBe('ask-download')
    expect(reason(facts({ later: ['1.3.0'] }))).toBe('later')
    expect(step(facts({ later: ['1.2.5'] }))).toBe('ask-download')
    // a new run starts with no 稍后 (later is kept in memory only): asked again
    expect(step(facts({ later: [] }))).toBe('ask-download')
    // an explicit 检查更新 shows it anyway
    expect(step(facts({ settings: skipped, manual: true }))).toBe('ask-download')
    expect(step(facts({ later: ['1.3.0'], manual: true }))).toBe('ask-download')
  })

  it('follows the download, then asks to install — or waits while invoices are on their way', () => {
    expect(decide(facts({ download: { state: 'running', percent: 41.6 } }))).toMatchObject({ step: 'downloading', percent: 42 })
    expect(step(facts({ download: { state: 'done' } }))).toBe('ask-install')
    const unsent = { commands: 3, invoices: 2, companies: ['深圳市测试科技有限公司'] }
    const waiting = decide(facts({ download: { state: 'done' }, unsent }))
    expect(waiting).toMatchObject({ step: 'wait', unsent })
    expect(waiting.step === 'wait' && waiting.message).toBe(
      '还有 2 张发票（深圳市测试科技有限公司）正在上传到税务平台。为免发票状态不明，等它们上传完成后再安装更新；完成后会再提示您。',
    )
    // a command that is no invoice (a 红字确认单) holds it too
    expect(step(facts({ download: { state: 'done' }, unsent: { commands: 1, invoices: 0, companies: [] } }))).toBe('wait')
    // but a download in progress is not held: only the install restarts the app
    expect(step(facts({ download: { state: 'running', percent: 10 }, unsent }))).toBe('downloading')
  })

  it('reads release notes given as a list of versions', () => {
    const d = decide(
      facts({
        feed: {
          version: '1.3.0',
          releaseNotes: [
            { version: '1.3.0', note: '修复打印' },
            { version: '1.2.5', note: null },
          ],
        },
      }),
    )
    expect(d).toMatchObject({ step: 'ask-download', offer: { notes: '1.3.0：修复打印', bytes: null, releaseDate: null } })
  })
})
