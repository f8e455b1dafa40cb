import { mutates, type Registry } from '../registry'
import { platformSettings, retryInvoice, savePlatformSettings, syncStatus, testPlatform, type SyncParts } from './service'

export function registerSync(reg: Registry, parts: SyncParts): void {
  reg.handle('sync.now', () => parts.engine.run({ manual: true }))
  reg.handle('sync.status', (_i, ctx) => syncStatus(ctx, parts))
  reg.handle(
    'sync.retry',
    mutates(['invoices'], ({ invoiceId }, ctx) => retryInvoice(ctx, parts, invoiceId)),
  )
  reg.handle('settings.platform.get', (_i, ctx) => platformSettings(ctx, parts))
  reg.handle('settings.platform.set', (input, ctx) => savePlatformSettings(ctx, parts, input))
  reg.handle('settings.platform.test', (input, ctx) => testPlatform(ctx, parts, input))
}
