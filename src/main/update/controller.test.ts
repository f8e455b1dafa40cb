// The update flow without Electron: a stand-in for electron-updater (a feed that answers, a download
// that reports progress) and for the core's updates.* answers; every state the renderer is sent.
import { describe, expect, it } from 'vitest'
import type { UnsentSync, UpdateSettings, UpdateState } from '../../shared/api/updates'
import { createUpdateController } from './controller'
import type { FeedInfo } from './decision'

const NONE: UnsentSync = { commands: 0, invoices: 0, companies: [] }
const ON_THE_WAY: UnsentSync = { commands: 1, invoices: 1, companies: ['深圳市测试科技有限公司'] }

function setUp(over: { settings?: Partial<UpdateSettings>; feed?: FeedInfo | Error } = {}) {
  const settings: UpdateSettings = { feedUrl: 'https://updates.example.cn/', channel: 'latest', autoCheck: true, skippedVersions: [], ...over.settings }
  const log = { configured: [] as unknown[], checks: 0, installed: 0, prepared: 0, sent: [] as UpdateState[] }
  let unsent = NONE
  const controller = createUpdateController({
    running: '1.2.0',
    emit: (s) => log.sent.push(s),
    updater: {
      configure: (f) => log.configured.push(f),
      async check() {
        log.checks++
        if (over.feed instanceof Error) throw over.feed
        return over.feed ?? { version: '1.3.0', releaseNotes: '修复打印' }
      },
      async download(onProgress) {
        onProgress(50)
      },
      quitAndInstall: () => log.installed++,
    },
    core: {
      settings: async () => settings,
      skip: async (v) => {
        settings.skippedVersions = [...settings.skippedVersions, v]
      },
      unsent: async () => unsent,
      async prepareInstall() {
        if (unsent.commands + unsent.invoices > 0) return { ready: false, unsent }
        log.prepared++
        return { ready: true, unsent }
      },
    },
  })
  return { controller, log, settings, setUnsent: (u: UnsentSync) => (unsent = u) }
}

describe('update controller', () => {
  it('checks the configured feed and channel, downloads with progress, installs after backing up', async () => {
    const { controller, log } = setUp({ settings: { channel: 'beta' } })
    expect((await controller.check({ manual: false })).step).toBe('ask-download')
    expect(log.configured).toEqual([{ url: 'https://updates.example.cn/', channel: 'beta' }])
    expect((await controller.download()).step).toBe('ask-install')
    expect(log.sent.map((s) => s.step)).toEqual(['checking', 'ask-download', 'downloading', 'downloading', 'ask-install'])
    expect(log.sent.find((s) => s.step === 'downloading' && s.percent === 50)).toBeTruthy()
    await controller.install('now')
    expect([log.prepared, log.installed]).toEqual([1, 1])
  })

  it('waits while invoices are on their way, and asks again once they are through', async () => {
    const { controller, log, setUnsent } = setUp()
    await controller.check({ manual: true })
    await controller.download()
    setUnsent(ON_THE_WAY)
    const waiting = await controller.install('now')
    expect(waiting).toMatchObject({ step: 'wait', unsent: ON_THE_WAY })
    expect([log.prepared, log.installed]).toEqual([0, 0])
    expect((await controller.syncChanged()).step).toBe('wait')
    setUnsent(NONE)
    expect((await controller.syncChanged()).step).toBe('ask-install')
    expect(log.installed).toBe(0)
  })

  it('退出时安装: installs at quit only when nothing is unsent', async () => {
    const { controller, log, setUnsent } = setUp()
    await controller.check({ manual: true })
    expect(controller.installsOnQuit()).toBe(false)
    await controller.download()
    await controller.install('on-quit')
    expect(controller.installsOnQuit()).toBe(true)
    setUnsent(ON_THE_WAY)
    expect(await controller.quitting()).toBe(false)
    expect(log.installed).toBe(0)
    setUnsent(NONE)
    expect(await controller.quitting()).toBe(true)
    expect([log.prepared, log.installed]).toEqual([1, 1])
  })

  it('稍后 hides the version for this run; 跳过此版本 for good; 检查更新 shows it anyway', async () => {
    const { controller, settings } = setUp()
    await controller.check({ manual: false })
    expect(await controller.later()).toMatchObject({ step: 'idle', reason: 'later' })
    expect(await controller.check({ manual: false })).toMatchObject({ step: 'idle', reason: 'later' })
    expect((await controller.check({ manual: true })).step).toBe('ask-download')
    expect(await controller.skip()).toMatchObject({ step: 'idle', reason: 'skipped' })
    expect(settings.skippedVersions).toEqual(['1.3.0'])
  })

  it('does not look without a feed or, automatically, when automatic checks are off; says why a check failed', async () => {
    const noFeed = setUp({ settings: { feedUrl: null } })
    expect(await noFeed.controller.check({ manual: true })).toMatchObject({ step: 'idle', reason: 'no-feed' })
    expect(noFeed.log.checks).toBe(0)
    const off = setUp({ settings: { autoCheck: false } })
    await off.controller.check({ manual: false })
    expect(off.log.checks).toBe(0)
    const broken = setUp({ feed: new Error('getaddrinfo ENOTFOUND updates.example.cn') })
    expect(await broken.controller.check({ manual: true })).toEqual({ step: 'error', message: '检查更新失败：getaddrinfo ENOTFOUND updates.example.cn' })
  })
})
