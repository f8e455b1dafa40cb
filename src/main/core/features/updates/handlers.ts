// updates.*: the 软件更新 settings and what the update decision needs from the core.
import type { UpdateSettingsView } from '../../../../shared/api/updates'
import type { CoreContext } from '../../context'
import type { Registry } from '../../registry'
import { prepareInstall } from './beforeUpdate'
import { updateSettingsFile } from './settingsFile'
import { unsentSync } from './unsent'

function view(ctx: CoreContext): UpdateSettingsView {
  const { settings, damaged } = updateSettingsFile(ctx.dataDir).read()
  return { ...settings, version: ctx.version, damaged }
}

export function registerUpdates(reg: Registry): void {
  reg.handle('updates.get', (_input, ctx) => view(ctx))
  reg.handle('updates.set', ({ feedUrl, channel, autoCheck }, ctx) => {
    const file = updateSettingsFile(ctx.dataDir)
    // a damaged file's skipped versions are lost with it; the rest is what the user just chose
    const { settings } = file.read()
    file.write({ ...settings, feedUrl: feedUrl === '' ? null : feedUrl, channel, autoCheck })
    return view(ctx)
  })
  reg.handle('updates.skip', ({ version }, ctx) => {
    const file = updateSettingsFile(ctx.dataDir)
    const { settings, damaged } = file.read()
    // over a damaged file, the defaults (no feed) would be written and the user's feed lost unseen
    if (!damaged && !settings.skippedVersions.includes(version)) file.write({ ...settings, skippedVersions: [...settings.skippedVersions, version] })
    return view(ctx)
  })
  reg.handle('updates.unsent', async (_input, ctx) => {
    const open = ctx.session.currentTaxId() === null ? null : (await ctx.session.ledger()).db
    return unsentSync(ctx, open)
  })
  reg.handle('updates.prepareInstall', (_input, ctx) => prepareInstall(ctx))
}
