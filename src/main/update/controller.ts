// 软件更新 as the desktop runs it: one controller holds where the update stands (checked, being
// downloaded, downloaded, waiting for invoices on their way), asks the decision what to show, and
// tells the renderer. Plain Node: electron-updater sits behind `UpdaterPort`
// (src/main/host/updater.ts), the core behind `CorePort`, so the whole flow is tested in Node.
import type { UnsentSync, UpdateChannel, UpdateSettings, UpdateState } from '../../shared/api/updates'
import { checksAutomatically, decide, type FeedInfo, type UpdateFacts } from './decision'

/** electron-updater, as much of it as the flow needs */
export interface UpdaterPort {
  /** the generic feed and channel to read (setFeedURL) */
  configure(feed: { url: string; channel: UpdateChannel }): void
  /** what the feed offers, newer or not; throws when the feed cannot be read */
  check(): Promise<FeedInfo | null>
  download(onProgress: (percent: number) => void): Promise<void>
  /** restarts into the new version now */
  quitAndInstall(): void
}

/** the core's answers (updates.* calls) */
export interface CorePort {
  settings(): Promise<UpdateSettings>
  skip(version: string): Promise<void>
  unsent(): Promise<UnsentSync>
  /** refused (ready false) while anything is unsent; else every ledger is backed up */
  prepareInstall(): Promise<{ ready: boolean; unsent: UnsentSync }>
}

export interface UpdateController {
  state(): UpdateState
  /** 检查更新 (manual) or the automatic check (skipped when the settings say so) */
  check(opts: { manual: boolean }): Promise<UpdateState>
  download(): Promise<UpdateState>
  /** 稍后: not offered again in this run */
  later(): Promise<UpdateState>
  /** 跳过此版本 */
  skip(): Promise<UpdateState>
  /** 安装并重启 (now) or 退出时安装 (on-quit); waits instead while invoices are on their way */
  install(when: 'now' | 'on-quit'): Promise<UpdateState>
  /** a sync status changed: a wait may be over */
  syncChanged(): Promise<UpdateState>
  /** whether quitting should first install (退出时安装 was chosen) */
  installsOnQuit(): boolean
  /** at quit: installs when nothing is unsent; true when it did (the app is quitting into the installer) */
  quitting(): Promise<boolean>
}

export function createUpdateController(opts: { running: string; updater: UpdaterPort; core: CorePort; emit(state: UpdateState): void }): UpdateController {
  let feed: FeedInfo | null = null
  let manual = false
  const later: string[] = []
  let download: UpdateFacts['download'] = { state: 'none' }
  let unsent: UnsentSync = { commands: 0, invoices: 0, companies: [] }
  let intent: 'none' | 'now' | 'on-quit' = 'none'
  let current: UpdateState = { step: 'idle', reason: 'no-offer', message: '尚未检查更新' }

  const show = (s: UpdateState): UpdateState => {
    current = s
    opts.emit(s)
    return s
  }
  const decideNow = async (): Promise<UpdateState> => {
    const settings = await opts.core.settings()
    return show(decide({ running: opts.running, settings, feed, manual, later, download, unsent }))
  }
  const offered = () => (current.step === 'idle' || current.step === 'checking' || current.step === 'error' ? null : current.offer.version)
  const failed = (e: unknown, what: string) => show({ step: 'error', message: `${what}失败：${(e as Error).message || String(e)}` })

  /** installs when nothing is unsent; else shows the wait. true when installing */
  const tryInstall = async (): Promise<boolean> => {
    const r = await opts.core.prepareInstall()
    unsent = r.unsent
    if (!r.ready) {
      await decideNow()
      return false
    }
    opts.updater.quitAndInstall()
    return true
  }

  return {
    state: () => current,
    async check({ manual: byUser }) {
      const settings = await opts.core.settings()
      if (!byUser && !checksAutomatically(settings)) return current
      // a download under way or done stays as it is: checking again would only repeat it
      if (download.state !== 'none') return current
      if (settings.feedUrl === null) return decideNow()
      manual = byUser
      show({ step: 'checking' })
      try {
        opts.updater.configure({ url: settings.feedUrl, channel: settings.channel })
        feed = await opts.updater.check()
      } catch (e) {
        return failed(e, '检查更新')
      }
      return decideNow()
    },
    async download() {
      if (current.step !== 'ask-download') return current
      download = { state: 'running', percent: 0 }
      await decideNow()
      try {
        await opts.updater.download((percent) => {
          download = { state: 'running', percent }
          void decideNow()
        })
      } catch (e) {
        download = { state: 'none' }
        return failed(e, '下载更新')
      }
      download = { state: 'done' }
      unsent = await opts.core.unsent()
      return decideNow()
    },
    async later() {
      const v = offered()
      if (v && !later.includes(v)) later.push(v)
      manual = false
      return decideNow()
    },
    async skip() {
      const v = offered()
      if (v) await opts.core.skip(v)
      manual = false
      return decideNow()
    },
    async install(when) {
      if (download.state !== 'done') return current
      intent = when
      if (when === 'on-quit') {
        unsent = await opts.core.unsent()
        return decideNow()
      }
      await tryInstall()
      return current
    },
    async syncChanged() {
      if (current.step !== 'wait') return current
      unsent = await opts.core.unsent()
      // the wait is over: asked again (a restart is never sprung on the user)
      return decideNow()
    },
    installsOnQuit: () => intent === 'on-quit' && download.state === 'done',
    async quitting() {
      if (!(intent === 'on-quit' && download.state === 'done')) return false
      return tryInstall()
    },
  }
}
