// The whole surface between the UI (or CLI, or tests) and the core: one map of calls.
import type { z } from 'zod'
import { appApi } from './app'
import { auditApi } from './audit'
import { backupsApi } from './backups'
import { batchApi } from './batch'
import { bookingApi } from './booking'
import { codesApi } from './codes'
import { companiesApi } from './companies'
import { customersApi } from './customers'
import { deliveryApi } from './delivery'
import { downloadsApi } from './downloads'
import { extrasApi } from './extras'
import { filesApi } from './files'
import { firstDayApi } from './firstDay'
import { invoiceExportApi } from './invoiceExport'
import { invoicePaperApi } from './invoicePaper'
import { invoiceQueryApi } from './invoiceQuery'
import { invoicesApi } from './invoices'
import { itemsApi } from './items'
import { jobsApi } from './jobs'
import { receivedApi } from './received'
import { redApi } from './red'
import { scenesApi } from './scenes'
import { settingsApi } from './settings'
import { syncApi } from './sync'
import { taxcodesApi } from './taxcodes'
import { updatesApi } from './updates'
import type { CallSpec } from './define'

export const api = {
  ...appApi,
  ...auditApi,
  ...backupsApi,
  ...batchApi,
  ...bookingApi,
  ...codesApi,
  ...companiesApi,
  ...customersApi,
  ...deliveryApi,
  ...downloadsApi,
  ...extrasApi,
  ...filesApi,
  ...firstDayApi,
  ...invoiceExportApi,
  ...invoicePaperApi,
  ...invoiceQueryApi,
  ...invoicesApi,
  ...itemsApi,
  ...jobsApi,
  ...receivedApi,
  ...redApi,
  ...scenesApi,
  ...settingsApi,
  ...syncApi,
  ...taxcodesApi,
  ...updatesApi,
} satisfies Record<string, CallSpec>

export type Api = typeof api
export type CallName = keyof Api
export type Input<N extends CallName> = z.input<Api[N]['input']>
export type ParsedInput<N extends CallName> = z.output<Api[N]['input']>
export type Output<N extends CallName> = Exclude<Api[N]['output'], undefined>

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(api, name)
}

export type { ApiErrorBody, ErrorCode } from './errors'
