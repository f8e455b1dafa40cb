// The whole surface between the UI (or CLI, or tests) and the core: one map of calls.
import type { z } from 'zod'
import { companiesApi } from './companies'
import { customersApi } from './customers'
import type { CallSpec } from './define'
import { deliveryApi } from './delivery'
import { extrasApi } from './extras'
import { invoicesApi } from './invoices'
import { invoicePaperApi } from './invoicePaper'
import { invoiceQueryApi } from './invoiceQuery'
import { itemsApi } from './items'
import { redApi } from './red'
import { syncApi } from './sync'
import { systemApi } from './system'
import { taxcodesApi } from './taxcodes'

export const api = {
  ...companiesApi,
  ...customersApi,
  ...deliveryApi,
  ...extrasApi,
  ...invoicesApi,
  ...invoicePaperApi,
  ...invoiceQueryApi,
  ...itemsApi,
  ...redApi,
  ...syncApi,
  ...systemApi,
  ...taxcodesApi,
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
