// The platform sandbox in-process: every rule behind one object, used by the HTTP server
// (server.ts), the admin CLI (cli.ts) and the benchmark floor (issuance without HTTP).
// Its database is <dataDir>/platform.db; several processes may open it at once.
import path from 'node:path'
import type { SellerRates } from '../shared/domain/rateRules'
import type { AddTaxpayerRequest, ChangesPage, InvoicePage, LoginRequest, LoginResponse, MeResponse, PlatformInvoice, QuotaSnapshot, TaxpayerInfo } from '../shared/platform/wire'
import { RedConfirmation, RedConfirmationPage, RedConfirmationQuery } from '../shared/platform/red'
import type { BookingBatchAnswer, BookingStatus, InvoiceBooking, UseBatchAnswer, UseBatchResult, UseChoice } from '../shared/platform/booking'
import { type Clock, parseMonth, shanghaiMonth, systemClock, toShanghaiIso } from './clock'
import { PlatformError } from './errors'
import { authenticate, login } from './rules/auth'
import { parseFeedQuery, readChanges, readChangesJson } from './rules/changes'
import type { Ctx } from './rules/context'
import type { StoredResponse } from './rules/idempotency'
import { getInvoice, listInvoices, type ListOptions } from './rules/invoices'
import { issueInvoice } from './rules/issuance'
import { quotaFen, setQuota, snapshotOf } from './rules/quota'
import { adminConfirmUse, adminMarkBooked, type Answer, type RedAction, readRedConfirmation, readRedConfirmations, runRedAction } from './rules/redActions'
import { expireDue } from './rules/redExpiry'
import { confirmIssues, setConfirmIssues } from './rules/redSettings'
import { backfillLeafRates, currentTaxcodes, importTaxcodes, loadBuiltinTaxcodes, type TaxcodesFile, type TaxcodesImport, taxcodesVersion } from './rules/taxcodes'
import { addTaxpayer, quotaFenOf, requireTaxpayer, sellerRates, setQualification, taxpayerInfo } from './rules/taxpayers'
import { createShareLink, openShareLink, type SharedInvoice, type ShareLink } from './share/links'
import { DB_FILE, openStore } from './store/open'

export interface PlatformOptions {
  dataDir: string
  clock?: Clock
  /** default: migrations/platform found above this module */
  migrationsDir?: string
  /** the 行政区划 names 特定业务 addresses must be one of; without it only the province is checked */
  regions?: ReadonlySet<string>
}

export interface Platform {
  readonly dataDir: string
  readonly file: string
  readonly clock: Clock
  /** provisioning: created = false when it existed with the same password (CONFLICT for another) */
  addTaxpayer(input: AddTaxpayerRequest): { taxpayer: TaxpayerInfo; created: boolean }
  login(input: LoginRequest): LoginResponse
  /** the taxpayer of a bearer token; UNAUTHORIZED when absent, unknown or expired */
  authenticate(token: string | undefined): string
  me(taxId: string): MeResponse
  /** the admin's change of 纳税人类型 and/or the rates granted (`platform taxpayer set`) */
  setQualification(taxId: string, change: { type?: string; rates?: string }): SellerRates
  /** month YYYYMM, default the current Shanghai month */
  quota(taxId: string, month?: string): QuotaSnapshot
  /** total as a decimal string ('500000.00') */
  setQuota(taxId: string, month: string, total: string): QuotaSnapshot
  /** issues (or replays, for a repeated key) and returns the invoice; refusals throw PlatformError */
  issue(sellerTaxId: string, request: unknown, idempotencyKey: string | undefined): PlatformInvoice
  /** the same, as the HTTP answer: the stored body text, so a replay is byte-identical */
  issueResponse(sellerTaxId: string, request: unknown, idempotencyKey: string | undefined): StoredResponse & { replayed: boolean }
  getInvoice(taxId: string, number: string): PlatformInvoice
  listInvoices(taxId: string, opts?: ListOptions): InvoicePage
  /** after/limit as text, as a query string gives them */
  changes(taxId: string, opts?: { after?: string; limit?: string }): ChangesPage
  /** the same page as JSON text (what GET /changes sends), without parsing each change's data */
  changesJson(taxId: string, opts?: { after?: string; limit?: string }): string
  // ── 红字确认单 (docs/platform-api.md): mutating calls take an Idempotency-Key like issue ──
  /** 录入: 201 the form — 01 with its red invoice issued, or 02/03 waiting for the other party */
  createRedConfirmation(taxId: string, body: unknown, key: string | undefined): RedConfirmation
  /** 同意 / 拒绝 by the party that did not enter it */
  decideRedConfirmation(taxId: string, number: string, body: unknown, key: string | undefined): RedConfirmation
  /** 撤销: 08 by the initiator while waiting, 09 by either party once agreed and not issued */
  withdrawRedConfirmation(taxId: string, number: string, key: string | undefined): RedConfirmation
  /** the seller's 开票 of an agreed form (确认即开票 off); body {} or { clientRef } */
  issueRedInvoice(taxId: string, number: string, key: string | undefined, body?: unknown): RedConfirmation
  getRedConfirmation(taxId: string, number: string): RedConfirmation
  listRedConfirmations(taxId: string, query?: RedConfirmationQuery): RedConfirmationPage
  /** the buyer's 入账 of an invoice it received; key optional in-process (required over HTTP) */
  setBooking(buyerTaxId: string, invoiceNumber: string, body: unknown, key?: string): InvoiceBooking
  /** admin: 入账 as the invoice's buyer, default 02 and the invoice's month */
  markBooked(invoiceNumber: string, opts?: { status?: BookingStatus; period?: string }): InvoiceBooking
  /** 入账 / 撤销入账 of ≤ 2,000 received invoices (a result per row); key required */
  bookInvoices(buyerTaxId: string, body: unknown, key: string | undefined): BookingBatchAnswer
  /** 用途确认 of ≤ 2,000 received 专票 (a result per row); key required */
  confirmUse(buyerTaxId: string, body: unknown, key: string | undefined): UseBatchAnswer
  /** admin: 用途确认 as the invoice's buyer; a refused row throws */
  markUse(invoiceNumber: string, use: UseChoice): UseBatchResult
  /** any red call as the HTTP answer: the stored body text, so a replay is byte-identical */
  redResponse(taxId: string, action: RedAction, key: string | undefined): Answer
  /** 确认即开票 (default on) */
  confirmIssues(): boolean
  setConfirmIssues(on: boolean): boolean
  importTaxcodes(fileName: string, bytes: Uint8Array): TaxcodesImport
  /** the table shipped with the app (resources/taxcodes), when none is in force; null when one is */
  loadBuiltinTaxcodes(dir: string): TaxcodesImport | null
  taxcodes(): TaxcodesFile | null
  /** 发票二维码交付: a new public link to an invoice the caller is a party to (share/links.ts) */
  shareInvoice(taxId: string, number: string): ShareLink
  /** what a share link opens now */
  openShare(token: string): SharedInvoice
  close(): void
}

export function createPlatform(opts: PlatformOptions): Platform {
  const clock = opts.clock ?? systemClock
  const db = openStore(opts.dataDir, { appliedAt: toShanghaiIso(clock.now()), migrationsDir: opts.migrationsDir })
  const ctx: Ctx = { db, clock, regions: opts.regions }
  backfillLeafRates(ctx)

  const monthOrNow = (month: string | undefined): string => {
    if (month === undefined) return shanghaiMonth(clock.now())
    const m = parseMonth(month)
    if (!m) throw new PlatformError('VALIDATION', `月份应为 YYYYMM，现为“${month}”`, [{ path: 'month', message: '月份格式不正确' }])
    return m
  }

  const red = (taxId: string, action: RedAction, key: string | undefined): RedConfirmation => JSON.parse(runRedAction(ctx, taxId, action, key).body) as RedConfirmation

  return {
    dataDir: opts.dataDir,
    file: path.join(opts.dataDir, DB_FILE),
    clock,
    addTaxpayer: (input) => addTaxpayer(ctx, input),
    login: (input) => login(ctx, input),
    authenticate: (token) => authenticate(ctx, token),
    me(taxId) {
      const row = requireTaxpayer(ctx, taxId)
      const { type, rates } = sellerRates(row)
      return { taxpayer: taxpayerInfo(row), taxpayerType: type, rates: [...rates], taxcodesVersion: taxcodesVersion(ctx) }
    },
    setQualification: (taxId, change) => setQualification(ctx, taxId, change),
    quota: (taxId, month) => snapshotOf(quotaFen(ctx, taxId, monthOrNow(month)), clock.now()),
    setQuota: (taxId, month, total) => setQuota(ctx, taxId, monthOrNow(month), quotaFenOf(total, '总额度')),
    issue: (sellerTaxId, request, key) => JSON.parse(issueInvoice(ctx, sellerTaxId, request, key).body) as PlatformInvoice,
    issueResponse: (sellerTaxId, request, key) => issueInvoice(ctx, sellerTaxId, request, key),
    getInvoice: (taxId, number) => getInvoice(ctx, taxId, number),
    listInvoices: (taxId, o) => listInvoices(ctx, taxId, o),
    // the feed never shows a due 确认单 still pending: the 72-hour sweep runs first
    changes(taxId, o = {}) {
      const { after, limit } = parseFeedQuery(o.after, o.limit)
      expireDue(ctx)
      return readChanges(ctx, taxId, after, limit)
    },
    changesJson(taxId, o = {}) {
      const { after, limit } = parseFeedQuery(o.after, o.limit)
      expireDue(ctx)
      return readChangesJson(ctx, taxId, after, limit)
    },
    createRedConfirmation: (taxId, body, key) => red(taxId, { kind: 'create', body }, key),
    decideRedConfirmation: (taxId, number, body, key) => red(taxId, { kind: 'decide', number, body }, key),
    withdrawRedConfirmation: (taxId, number, key) => red(taxId, { kind: 'withdraw', number }, key),
    issueRedInvoice: (taxId, number, key, body = {}) => red(taxId, { kind: 'issue', number, body }, key),
    getRedConfirmation: (taxId, number) => readRedConfirmation(ctx, taxId, number),
    listRedConfirmations: (taxId, query) => readRedConfirmations(ctx, taxId, query),
    setBooking: (buyerTaxId, number, body, key) => JSON.parse(runRedAction(ctx, buyerTaxId, { kind: 'booking', number, body }, key).body) as InvoiceBooking,
    markBooked: (number, o = {}) => JSON.parse(adminMarkBooked(ctx, number, o).body) as InvoiceBooking,
    bookInvoices: (taxId, body, key) => JSON.parse(runRedAction(ctx, taxId, { kind: 'bookings', body }, key).body) as BookingBatchAnswer,
    confirmUse: (taxId, body, key) => JSON.parse(runRedAction(ctx, taxId, { kind: 'use', body }, key).body) as UseBatchAnswer,
    markUse: (number, use) => adminConfirmUse(ctx, number, use),
    redResponse: (taxId, action, key) => runRedAction(ctx, taxId, action, key),
    confirmIssues: () => confirmIssues(ctx),
    setConfirmIssues: (on) => setConfirmIssues(ctx, on),
    importTaxcodes: (fileName, bytes) => importTaxcodes(ctx, fileName, bytes),
    loadBuiltinTaxcodes: (dir) => loadBuiltinTaxcodes(ctx, dir),
    taxcodes: () => currentTaxcodes(ctx),
    shareInvoice: (taxId, number) => createShareLink(ctx, taxId, number),
    openShare: (token) => openShareLink(ctx, token),
    close: () => db.close(),
  }
}
