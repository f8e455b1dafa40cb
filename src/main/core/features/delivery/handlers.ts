import type { Registry } from '../../registry'
import type { Connector } from '../../sync/connection'
import type { SecretSeal } from '../../sync/connectionFile'
import { invoiceFile } from './files'
import { mailFile } from './mailFile'
import { paperOf } from '../paper/paperOf'
import { deliveryInfo, deliveryInfoOfMany } from './recipient'
import { papersToDeliver } from './targets'
import { sendInvoices } from './send'
import { shareLink } from './share'
import { deliveryZip } from './zip'
import { mailSettingsOf, saveMailSettings, testMailSettings } from './settings'

export function registerDelivery(reg: Registry, deps: { connector: Connector; seal?: SecretSeal; dataDir: string }): void {
  const mail = mailFile(deps.dataDir, deps.seal)
  reg.handle('invoices.file', ({ ref, format }, ctx) => invoiceFile(ctx, deps.connector, ref, format))
  reg.handle('invoices.deliveryInfo', async ({ ref, selection }, ctx) => {
    const ledger = await ctx.ledger()
    return ref ? deliveryInfo(ledger, paperOf(ledger, ref)) : deliveryInfoOfMany(ledger, papersToDeliver(ledger, { selection }))
  })
  reg.handle('invoices.shareLink', ({ ref }, ctx) => shareLink(ctx, deps.connector, ref))
  reg.handle('invoices.send', (input, ctx) => sendInvoices(ctx, deps.connector, mail, input))
  reg.handle('invoices.deliveryZip', (input, ctx) => deliveryZip(ctx, deps.connector, input))
  reg.handle('settings.mail.get', () => mailSettingsOf(mail))
  reg.handle('settings.mail.set', (input) => saveMailSettings(mail, input))
  reg.handle('settings.mail.test', (input) => testMailSettings(mail, input))
}
