// 软件更新 in Electron, thin: electron-updater's autoUpdater behind the controller's UpdaterPort
// (src/main/update/controller.ts holds the flow, src/main/update/decision.ts the decision, both
// tested in Node). Nothing downloads or installs by itself (autoDownload / autoInstallOnAppQuit
// off): every step is the user's answer to what the decision showed. The feed is a generic one
// (electron-builder's `publish: generic`): <feed>/latest.yml or beta.yml.
import { app } from 'electron'
import electronUpdater from 'electron-updater'
import type { UpdateState } from '../../shared/api/updates'
import type { Core } from '../core/app'
import { createUpdateController, type UpdateController } from '../update/controller'

const { autoUpdater } = electronUpdater
/** automatic checks: a while after start (the window first), then every six hours */
const FIRST_CHECK_MS = 30_000
const CHECK_EVERY_MS = 6 * 60 * 60 * 1000

export function startUpdater(core: Core): UpdateController {
  autoUpdater.autoDownload = false
  autoUpdater.autoInstallOnAppQuit = false
  autoUpdater.allowDowngrade = false
  autoUpdater.logger = null

  const controller = createUpdateController({
    running: app.getVersion(),
    emit: (state: UpdateState) => core.events.emit({ type: 'update.state', state }),
    updater: {
      configure({ url, channel }) {
        autoUpdater.setFeedURL({ provider: 'generic', url, channel })
        // setting a channel turns downgrades on in electron-updater; the decision refuses them anyway
        autoUpdater.allowPrerelease = channel === 'beta'
        autoUpdater.allowDowngrade = false
      },
      async check() {
        if (!app.isPackaged) throw new Error('未打包的开发版本不检查更新')
        return (await autoUpdater.checkForUpdates())?.updateInfo ?? null
      },
      async download(onProgress) {
        const listener = (p: { percent: number }) => onProgress(p.percent)
        autoUpdater.on('download-progress', listener)
        try {
          await autoUpdater.downloadUpdate()
        } finally {
          autoUpdater.off('download-progress', listener)
        }
      },
      quitAndInstall: () => autoUpdater.quitAndInstall(false, true),
    },
    core: {
      settings: () => core.call('updates.get', {}),
      skip: async (version) => void (await core.call('updates.skip', { version })),
      unsent: () => core.call('updates.unsent', {}),
      prepareInstall: () => core.call('updates.prepareInstall', {}),
    },
  })

  // a wait for invoices on their way ends when the sync says so
  core.events.on((e) => {
    if (e.type === 'sync.status') void controller.syncChanged().catch(() => undefined)
  })
  const automatic = () => void controller.check({ manual: false }).catch(() => undefined)
  setTimeout(automatic, FIRST_CHECK_MS).unref()
  setInterval(automatic, CHECK_EVERY_MS).unref()

  // 退出时安装: the quit waits for the backups, then goes on into the installer (or just quits)
  let quitHandled = false
  app.on('before-quit', (e) => {
    if (quitHandled || !controller.installsOnQuit()) return
    e.preventDefault()
    quitHandled = true
    void controller
      .quitting()
      .catch(() => false)
      .then((installing) => installing || app.quit())
  })
  return controller
}

/** the host.update.* calls (src/shared/host.ts), answered by the controller */
export function updateHostCalls(controller: UpdateController) {
  return {
    'host.update.state': async () => controller.state(),
    'host.update.check': () => controller.check({ manual: true }),
    'host.update.download': () => controller.download(),
    'host.update.later': () => controller.later(),
    'host.update.skip': () => controller.skip(),
    'host.update.install': (input: { when: 'now' | 'on-quit' }) => {
      // the page's word is checked like any input: only these two answers exist
      if (input?.when !== 'now' && input?.when !== 'on-quit') throw new Error('安装时机无效')
      return controller.install(input.when)
    },
  }
}
