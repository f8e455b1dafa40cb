// The platform sandbox's own database (<dataDir>/platform.db) — the tax authority's side, never the
// client's ledger. Money is INTEGER 分, times ISO 8601 with +08:00, months YYYYMM (Asia/Shanghai).
// Change this file, then `npm run db:generate:platform` writes the migration to migrations/platform.
// Later issues add tables (红字确认单, 入账, 下载申请) and columns by new migrations: invoices keep
// their number as key, every event goes through `changes`, and `invoices.document` holds the whole
// invoice, so nothing here has to be reshaped for them.
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/** 纳税人: an account on the platform */
export const taxpayers = sqliteTable('taxpayers', {
  taxId: text('tax_id').primaryKey(),
  name: text('name').notNull(),
  /** region code as in shared/domain/regions ('44', '4403') */
  region: text('region').notNull(),
  /** 总额度 of a month without an explicit grant */
  defaultQuotaFen: integer('default_quota_fen').notNull(),
  createdAt: text('created_at').notNull(),
  /** 纳税人类型: 一般纳税人 / 小规模纳税人 */
  taxpayerType: text('taxpayer_type').notNull().default('一般纳税人'),
  /** the 税率/征收率 labels granted, '|'-joined; null: every rate of its type */
  rates: text('rates'),
})

/** the people who log in for a taxpayer (one today; 办税员 roles can come later) */
export const operators = sqliteTable(
  'operators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taxId: text('tax_id')
      .notNull()
      .references(() => taxpayers.taxId),
    login: text('login').notNull(),
    /** scrypt, hex */
    passwordHash: text('password_hash').notNull(),
    salt: text('salt').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('operators_login').on(t.taxId, t.login)],
)

/** login sessions; only the token's sha256 is kept, so a copied database opens no session */
export const tokens = sqliteTable(
  'tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    taxId: text('tax_id')
      .notNull()
      .references(() => taxpayers.taxId),
    operatorId: integer('operator_id')
      .notNull()
      .references(() => operators.id),
    createdAt: text('created_at').notNull(),
    /** ISO instant (UTC, 'Z'): compared as text */
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('tokens_expiry').on(t.expiresAt)],
)

/** 授信额度 per taxpayer and month: a row appears with the first grant or the first use */
export const quotaMonths = sqliteTable(
  'quota_months',
  {
    taxId: text('tax_id')
      .notNull()
      .references(() => taxpayers.taxId),
    /** YYYYMM */
    month: text('month').notNull(),
    /** the explicit 总额度 for this month; null = the taxpayer's default */
    totalFen: integer('total_fen'),
    /** 已使用: blue 金额 issued this month, less same-month red restorations */
    usedFen: integer('used_fen').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taxId, t.month] })],
)

export const invoices = sqliteTable(
  'invoices',
  {
    number: text('number').primaryKey(),
    colour: text('colour').notNull(),
    kind: text('kind').notNull(),
    sellerTaxId: text('seller_tax_id')
      .notNull()
      .references(() => taxpayers.taxId),
    /** as on the invoice: it need not be a platform taxpayer (or may be '' for a 自然人) */
    buyerTaxId: text('buyer_tax_id').notNull(),
    buyerName: text('buyer_name').notNull(),
    issuedAt: text('issued_at').notNull(),
    /** YYYYMM of issuedAt (Shanghai), the quota month */
    month: text('month').notNull(),
    amountFen: integer('amount_fen').notNull(),
    taxFen: integer('tax_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    /** a blue invoice's 红冲状态; kept equal to document.redStatus (both change in one statement) */
    redStatus: text('red_status').notNull().default('normal'),
    clientRef: text('client_ref'),
    /** the whole PlatformInvoice as issued (JSON) */
    document: text('document').notNull(),
    /** a red invoice's blue invoice and 确认单 (null on blue ones) */
    blueNumber: text('blue_number'),
    redConfirmationNumber: text('red_confirmation_number'),
  },
  (t) => [index('invoices_seller').on(t.sellerTaxId, t.issuedAt), index('invoices_buyer').on(t.buyerTaxId, t.issuedAt), index('invoices_blue').on(t.blueNumber)],
)

/**
 * 红字发票信息确认单 (DOMAIN.md §4). The columns are what queries need (who, which blue invoice,
 * which state, when due); `document` is the whole RedConfirmation as both parties see it.
 */
export const redConfirmations = sqliteTable(
  'red_confirmations',
  {
    /** 确认单编号: 6-digit county code + YYMMDD + 8-digit sequence */
    number: text('number').primaryKey(),
    blueNumber: text('blue_number')
      .notNull()
      .references(() => invoices.number),
    sellerTaxId: text('seller_tax_id').notNull(),
    buyerTaxId: text('buyer_tax_id').notNull(),
    /** 'seller' | 'buyer' */
    initiator: text('initiator').notNull(),
    reason: text('reason').notNull(),
    /** 01–10 */
    status: text('status').notNull(),
    /** RedLine[] (JSON) */
    lines: text('lines').notNull(),
    /** negative */
    amountFen: integer('amount_fen').notNull(),
    taxFen: integer('tax_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    createdAt: text('created_at').notNull(),
    /** createdAt + 72 h (ISO +08:00, compared as text); the 07 sweep reads it with status */
    deadline: text('deadline').notNull(),
    decidedAt: text('decided_at'),
    opinion: text('opinion'),
    redInvoiceNumber: text('red_invoice_number'),
    clientRef: text('client_ref'),
    /** the whole RedConfirmation (JSON) */
    document: text('document').notNull(),
  },
  (t) => [
    index('red_confirmations_due').on(t.status, t.deadline),
    index('red_confirmations_blue').on(t.blueNumber),
    index('red_confirmations_seller').on(t.sellerTaxId, t.createdAt),
    index('red_confirmations_buyer').on(t.buyerTaxId, t.createdAt),
  ],
)

/** the last 8-digit 确认单 sequence per prefix (county code + YYMMDD) */
export const redConfirmationSequences = sqliteTable('red_confirmation_sequences', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
})

/**
 * The buyer's 入账 state and 用途确认 of an invoice it received (DOMAIN.md §5). No row = 01 未入账,
 * 用途 unconfirmed. Booked (02–05) or use confirmed decides the red path: the seller can no longer
 * reverse without the buyer's confirmation.
 */
export const bookings = sqliteTable('bookings', {
  invoiceNumber: text('invoice_number')
    .primaryKey()
    .references(() => invoices.number),
  buyerTaxId: text('buyer_tax_id').notNull(),
  /** 01–06 */
  status: text('status').notNull(),
  /** 入账所属期 YYYYMM; null for 01 and 06 */
  period: text('period'),
  updatedAt: text('updated_at').notNull(),
  /** 用途确认 of a 专票: 'unconfirmed', 'deduct' (抵扣) or 'no-deduct' (不抵扣) */
  useStatus: text('use_status').notNull().default('unconfirmed'),
})

/** the last 15-digit sequence used per year and tax bureau (DOMAIN.md §1) */
export const invoiceSequences = sqliteTable(
  'invoice_sequences',
  {
    year: integer('year').notNull(),
    bureau: text('bureau').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.bureau] })],
)

/** the first answer to each Idempotency-Key, replayed for a repeat (docs/platform-api.md) */
export const idempotency = sqliteTable(
  'idempotency',
  {
    taxId: text('tax_id')
      .notNull()
      .references(() => taxpayers.taxId),
    key: text('key').notNull(),
    /** sha256 of method, path and the canonical JSON body */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taxId, t.key] })],
)

/** each taxpayer's change feed; the cursor is global and only grows */
export const changes = sqliteTable(
  'changes',
  {
    cursor: integer('cursor').primaryKey({ autoIncrement: true }),
    taxId: text('tax_id')
      .notNull()
      .references(() => taxpayers.taxId),
    kind: text('kind').notNull(),
    at: text('at').notNull(),
    /** JSON */
    data: text('data').notNull(),
  },
  (t) => [index('changes_feed').on(t.taxId, t.cursor)],
)

/** 商品和服务税收分类编码 tables as imported; the newest is the one in force */
export const taxcodeFiles = sqliteTable('taxcode_files', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** date + short sha256: '20261128-1a2b3c4d' */
  version: text('version').notNull().unique(),
  fileName: text('file_name').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  leafCount: integer('leaf_count').notNull(),
  importedAt: text('imported_at').notNull(),
})

/** the leaf codes of the table in force, for the issuance check */
export const taxcodeLeaves = sqliteTable('taxcode_leaves', {
  code: text('code').primaryKey(),
  fileId: integer('file_id')
    .notNull()
    .references(() => taxcodeFiles.id),
  /** what the rate rules read of the code: its name, today's rates ('|'-joined), 增值税特殊管理 */
  name: text('name').notNull().default(''),
  rates: text('rates').notNull().default(''),
  specialMgmt: text('special_mgmt').notNull().default(''),
})

/** small facts about the platform (its QR check secret, 确认即开票, …) */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

/**
 * 发票二维码交付: a short-lived public link to one invoice's files (GET /share/:token). Only the
 * token's sha256 is kept, as for login tokens: a copy of platform.db opens no link.
 */
export const shareLinks = sqliteTable(
  'share_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    number: text('number')
      .notNull()
      .references(() => invoices.number),
    /** who made it (the seller or the buyer) */
    taxId: text('tax_id').notNull(),
    createdAt: text('created_at').notNull(),
    /** ISO instant (UTC, 'Z'): compared as text */
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('share_links_expiry').on(t.expiresAt)],
)
