// 软件更新, the decision: given the running version, the settings, what the feed offers, the user's
// answers so far and what is still being sent, what the app does next. Plain Node (never
// electron): the Electron side (src/main/host/updater.ts) only feeds it facts and shows its answer.
// Versions compare with semver as electron-updater does (AppUpdater.isUpdateAvailable): equal is
// nothing to do, older is a downgrade and refused; a prerelease (1.3.0-beta.1) is offered only on
// the beta channel.
import semver from 'semver'
import type { UnsentSync, UpdateOffer, UpdateSettings, UpdateState } from '../../shared/api/updates'

/** what the feed's latest.yml / beta.yml says (electron-updater's UpdateInfo, the parts we use) */
export interface FeedInfo {
  version: string
  releaseNotes?: string | { version: string; note: string | null }[] | null
  releaseDate?: string | null
  files?: { url: string; size?: number }[]
}

export interface UpdateFacts {
  /** the running version (app.getVersion()) */
  running: string
  settings: UpdateSettings
  /** what the feed offers; null before a check answered */
  feed: FeedInfo | null
  /** the user clicked 检查更新: 稍后 and 跳过此版本 do not hide a version from an explicit check */
  manual: boolean
  /** versions answered 稍后 in this run of the app (asked again at the next start) */
  later: string[]
  /** how far the download is */
  download: { state: 'none' } | { state: 'running'; percent: number } | { state: 'done' }
  unsent: UnsentSync
}

const idle = (reason: Extract<UpdateState, { step: 'idle' }>['reason'], message: string): UpdateState => ({ step: 'idle', reason, message })

export function offerOf(feed: FeedInfo): UpdateOffer {
  const notes =
    typeof feed.releaseNotes === 'string'
      ? feed.releaseNotes
      : (feed.releaseNotes ?? [])
          .map((n) => (n.note ? `${n.version}：${n.note}` : ''))
          .filter(Boolean)
          .join('\n')
  const bytes = feed.files?.[0]?.size
  return { version: feed.version, notes: notes.trim(), releaseDate: feed.releaseDate ?? null, bytes: typeof bytes === 'number' ? bytes : null }
}

/** whether the app should look at the feed by itself (at start, every few hours) */
export function checksAutomatically(settings: UpdateSettings): boolean {
  return settings.autoCheck && settings.feedUrl !== null
}

/** the sentence for a wait: which companies still have invoices on their way */
export function waitMessage(unsent: UnsentSync): string {
  const what = unsent.invoices > 0 ? `${unsent.invoices} 张发票` : `${unsent.commands} 项操作`
  const who = unsent.companies.length > 0 ? `（${unsent.companies.join('、')}）` : ''
  return `还有 ${what}${who}正在上传到税务平台。为免发票状态不明，等它们上传完成后再安装更新；完成后会再提示您。`
}

export function decide(f: UpdateFacts): UpdateState {
  if (f.settings.feedUrl === null) return idle('no-feed', '没有设置更新地址，不检查更新')
  if (!f.manual && !f.settings.autoCheck) return idle('auto-off', '已关闭自动检查更新，可点击 检查更新')
  if (f.feed === null) return idle('no-offer', '更新地址没有提供任何版本')
  const offered = semver.parse(f.feed.version)
  const running = semver.parse(f.running)
  if (offered === null) return idle('invalid', `更新地址提供的版本号“${f.feed.version.slice(0, 40)}”无效，已忽略`)
  if (running === null) return idle('invalid', `当前版本号“${f.running.slice(0, 40)}”无效，无法比较版本`)
  if (semver.eq(offered, running)) return idle('up-to-date', `已是最新版本（${running.version}）`)
  if (semver.lt(offered, running)) return idle('older', `更新地址上的版本 ${offered.version} 比当前版本 ${running.version} 旧，不会降级安装`)
  if (offered.prerelease.length > 0 && f.settings.channel !== 'beta') return idle('prerelease', `更新地址上的 ${offered.version} 是测试版，当前为正式版通道，不安装测试版`)
  if (!f.manual && f.settings.skippedVersions.includes(offered.version)) return idle('skipped', `已跳过版本 ${offered.version}`)
  if (!f.manual && f.later.includes(offered.version) && f.download.state === 'none') return idle('later', `版本 ${offered.version} 已选择稍后更新，下次启动时再提示`)
  const offer = offerOf({ ...f.feed, version: offered.version })
  if (f.download.state === 'running') return { step: 'downloading', offer, percent: Math.max(0, Math.min(100, Math.round(f.download.percent))) }
  if (f.download.state === 'done') {
    if (f.unsent.commands + f.unsent.invoices > 0) return { step: 'wait', offer, unsent: f.unsent, message: waitMessage(f.unsent) }
    return { step: 'ask-install', offer }
  }
  return { step: 'ask-download', offer }
}
