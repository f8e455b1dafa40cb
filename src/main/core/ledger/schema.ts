// The company ledger (账簿): one SQLite file per company. Money is INTEGER 分, decimals are TEXT,
// times are ISO 8601 with +08:00. Change this file, then `npm run db:generate` writes the migration.
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { BookingStatus } from '../../../shared/platform/booking'
import type { RedReason, RedStatusCode } from '../../../shared/platform/red'
import type { RedStatus } from '../../../shared/platform/wire'
import type { SpecialKind } from '../../../shared/domain/specialBusiness'

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
}

/** the company this ledger belongs to (销售方); exactly one row, id = 1 */
export const company = sqliteTable('company', {
  id: integer('id').primaryKey(),
  taxId: text('tax_id').notNull(),
  name: text('name').notNull(),
  region: text('region').notNull(),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  bank: text('bank').notNull().default(''),
  account: text('account').notNull().default(''),
  operator: text('operator').notNull(),
  ...timestamps,
  /** 纳税人类型: the user's choice until the platform answers, then the platform's */
  taxpayerType: text('taxpayer_type').notNull().default('一般纳税人'),
  /** the rates the platform grants ('|'-joined labels), null until it answered */
  platformRates: text('platform_rates'),
  /** when the platform last told the type and rates */
  ratesReadAt: text('rates_read_at'),
})

/** small facts about the ledger: the tax-code table's source, … */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

export const taxCodes = sqliteTable(
  'tax_codes',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    isLeaf: integer('is_leaf', { mode: 'boolean' }).notNull(),
    /** labels separated by '|', the default first: '13%|9%' */
    rates: text('rates').notNull().default(''),
    specialManagement: text('special_management').notNull().default(''),
    keywords: text('keywords').notNull().default(''),
    description: text('description').notNull().default(''),
  },
  (t) => [index('tax_codes_parent').on(t.parentCode)],
)

export const items = sqliteTable(
  'items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    taxCode: text('tax_code').notNull(),
    spec: text('spec').notNull().default(''),
    unit: text('unit').notNull().default(''),
    unitPrice: text('unit_price'),
    priceIncludesTax: integer('price_includes_tax', { mode: 'boolean' }).notNull().default(false),
    /** decimal text: '0.13'; 免税 and 不征税 are '0' with policy 03 / 04 */
    taxRate: text('tax_rate').notNull(),
    policy: text('policy'),
    category: text('category').notNull().default(''),
    ...timestamps,
  },
  // an item is identified by (项目名称, 规格型号)
  (t) => [uniqueIndex('items_identity').on(t.name, t.spec), index('items_tax_code').on(t.taxCode), index('items_recent').on(t.updatedAt, t.id)],
)

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    type: text('type', { enum: ['企业', '自然人'] }).notNull(),
    taxId: text('tax_id').notNull().default(''),
    idType: text('id_type'),
    idNumber: text('id_number').notNull().default(''),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    bank: text('bank').notNull().default(''),
    account: text('account').notNull().default(''),
    email: text('email').notNull().default(''),
    mobile: text('mobile').notNull().default(''),
    /** lower-case name + 拼音首字母 (华为科技 → hwkj), for search as Chinese users type */
    searchKey: text('search_key').notNull(),
    ...timestamps,
  },
  (t) => [
    // an enterprise customer is identified by its 纳税人识别号; a natural person by name + 证件号码
    uniqueIndex('customers_enterprise')
      .on(t.taxId)
      .where(sql`type = '企业'`),
    uniqueIndex('customers_person')
      .on(t.name, t.idNumber)
      .where(sql`type = '自然人'`),
    index('customers_name').on(t.name),
    // lists show the newest change first: a page of 50 stops early instead of sorting everything
    index('customers_recent').on(t.updatedAt, t.id),
  ],
)

/** 附加要素项目 */
export const extras = sqliteTable('extras', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  dataType: text('data_type', { enum: ['文本', '数值', '日期'] }).notNull(),
  ...timestamps,
})

/** 场景模板 */
export const scenes = sqliteTable('scenes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  ...timestamps,
})

export const sceneExtras = sqliteTable(
  'scene_extras',
  {
    sceneId: integer('scene_id')
      .notNull()
      .references(() => scenes.id, { onDelete: 'cascade' }),
    // RESTRICT: an element used by a template cannot be deleted (the service names the templates)
    extraId: integer('extra_id')
      .notNull()
      .references(() => extras.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sceneId, t.extraId] }), index('scene_extras_extra').on(t.extraId)],
)

/** append-only: who did what to which record */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** JSON */
    details: text('details'),
  },
  (t) => [index('audit_entity').on(t.entity, t.id)],
)

/** 发票查询's 开票日期 of a 销项 invoice: issued_at, or queued_at while 待开具 / 开具失败 (drafts have neither) */
export const invoiceDated = sql`coalesce(issued_at, queued_at)`

/**
 * 发票: a draft while typed (its content is the draft document, saved as typed), then 待开具 →
 * 开具中 → 已开具 | 开具失败. Totals are kept in 分 for lists; the document is the truth.
 */
export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    state: text('state', { enum: ['draft', 'queued', 'issuing', 'issued', 'failed'] }).notNull(),
    kind: text('kind', { enum: ['81', '82'] }).notNull(),
    buyerName: text('buyer_name').notNull().default(''),
    buyerTaxId: text('buyer_tax_id').notNull().default(''),
    amountFen: integer('amount_fen').notNull().default(0),
    taxFen: integer('tax_fen').notNull().default(0),
    totalFen: integer('total_fen').notNull().default(0),
    lineCount: integer('line_count').notNull().default(0),
    /** the draft document (JSON): as typed until issued, then the platform's computed draft */
    document: text('document').notNull(),
    /** 开票人 when queued */
    drawer: text('drawer').notNull().default(''),
    number: text('number'),
    failure: text('failure'),
    queuedAt: text('queued_at'),
    issuedAt: text('issued_at'),
    /** the 数电 QR payload the platform returned */
    qr: text('qr'),
    /** 本次使用授信额度, as the platform counted it */
    quotaUsedFen: integer('quota_used_fen'),
    /** blue, or red (a 红字发票 from a 确认单: negative figures) */
    colour: text('colour', { enum: ['blue', 'red'] })
      .notNull()
      .default('blue'),
    /** a blue invoice's 红冲状态: normal / partly-reversed / fully-reversed */
    redStatus: text('red_status').$type<RedStatus>().notNull().default('normal'),
    /** the buyer's 入账 (01–06) and 用途确认 of this 销项 invoice, as the platform told the seller: they decide the red path */
    buyerBooking: text('buyer_booking').$type<BookingStatus>().notNull().default('01'),
    buyerUse: text('buyer_use', { enum: ['unconfirmed', 'deduct', 'no-deduct'] })
      .notNull()
      .default('unconfirmed'),
    /** a red invoice's blue invoice and 确认单编号 */
    blueNumber: text('blue_number'),
    redConfirmationNumber: text('red_confirmation_number'),
    /** 特定业务 of the draft (建筑服务 …), null for a plain invoice: 发票查询 filters by it */
    specialKind: text('special_kind').$type<SpecialKind>(),
    revision: integer('revision').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('invoices_state').on(t.state, t.updatedAt),
    index('invoices_special_kind').on(t.specialKind, invoiceDated, t.id),
    uniqueIndex('invoices_number').on(t.number),
    // 发票查询 (features/query): 开票日期 is the queued day until the platform gives one — the
    // expression is written the same way in query/where.ts so SQLite uses these indexes. Each one
    // carries state, the date, the id and the amounts: the count and totals of a filter, and its
    // page sorted by date, are read from the index without touching a million rows.
    index('invoices_dated').on(invoiceDated, t.id, t.kind, t.colour, t.state, t.redStatus, t.amountFen, t.taxFen, t.totalFen),
    index('invoices_kind_dated').on(t.kind, invoiceDated, t.id, t.state, t.amountFen, t.taxFen, t.totalFen),
    index('invoices_buyer_name').on(t.buyerName, t.id, t.state, invoiceDated, t.amountFen, t.taxFen, t.totalFen),
    index('invoices_buyer_tax_id').on(t.buyerTaxId, t.state, invoiceDated, t.id, t.amountFen, t.taxFen, t.totalFen),
    index('invoices_total').on(t.totalFen, t.state, invoiceDated, t.id, t.amountFen, t.taxFen),
    index('invoices_red_status').on(t.redStatus, t.state, invoiceDated, t.id, t.amountFen, t.taxFen, t.totalFen),
    index('invoices_drawer').on(t.drawer, invoiceDated, t.state, t.id, t.amountFen, t.taxFen, t.totalFen),
  ],
)

/** the lines of queued and issued invoices: history for 智能匹配 and later queries */
export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** 发票行性质: 00 正常行, 01 折扣行, 02 被折扣行 */
    nature: text('nature').notNull(),
    name: text('name').notNull(),
    taxCode: text('tax_code').notNull(),
    spec: text('spec').notNull().default(''),
    unit: text('unit').notNull().default(''),
    quantity: text('quantity'),
    unitPrice: text('unit_price'),
    amountFen: integer('amount_fen').notNull(),
    taxRate: text('tax_rate').notNull(),
    taxFen: integer('tax_fen').notNull(),
    policy: text('policy'),
  },
  // the name index carries the invoice: 发票查询's 项目名称 finds invoices without reading the lines
  (t) => [primaryKey({ columns: [t.invoiceId, t.position] }), index('invoice_lines_name').on(t.name, t.invoiceId)],
)

/**
 * 待上传: one row per command for the platform, written in the same transaction as the change it
 * belongs to, with its idempotency key fixed before the first send (DESIGN.md §5).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    command: text('command').notNull(),
    documentType: text('document_type').notNull(),
    documentId: integer('document_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    payload: text('payload').notNull(),
    state: text('state', { enum: ['pending', 'sending', 'done', 'failed', 'needs-action'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    ...timestamps,
  },
  (t) => [index('outbox_pending').on(t.state, t.id), index('outbox_document').on(t.documentType, t.documentId)],
)

/**
 * 进项: invoices this company received, as the platform's change feed delivered them. The whole
 * platform invoice is kept (document); the columns serve the lists and, later, 入账.
 */
export const receivedInvoices = sqliteTable(
  'received_invoices',
  {
    number: text('number').primaryKey(),
    kind: text('kind', { enum: ['81', '82'] }).notNull(),
    issuedAt: text('issued_at').notNull(),
    sellerTaxId: text('seller_tax_id').notNull(),
    sellerName: text('seller_name').notNull(),
    amountFen: integer('amount_fen').notNull(),
    taxFen: integer('tax_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    lineCount: integer('line_count').notNull(),
    /** JSON: the platform's invoice */
    document: text('document').notNull(),
    receivedAt: text('received_at').notNull(),
    colour: text('colour', { enum: ['blue', 'red'] })
      .notNull()
      .default('blue'),
    redStatus: text('red_status').$type<RedStatus>().notNull().default('normal'),
    /** 入账状态 on the platform: 01 未入账 … 06 入账撤销 */
    booking: text('booking').$type<BookingStatus>().notNull().default('01'),
    /** 入账所属期 YYYYMM while booked (02–05) */
    bookingPeriod: text('booking_period'),
    /** 用途确认 of a 专票: unconfirmed / deduct / no-deduct */
    useStatus: text('use_status', { enum: ['unconfirmed', 'deduct', 'no-deduct'] })
      .notNull()
      .default('unconfirmed'),
    /** 特定业务 of the invoice as issued, null for a plain one: 发票查询 filters by it */
    specialKind: text('special_kind').$type<SpecialKind>(),
  },
  (t) => [
    index('received_issued').on(t.issuedAt),
    index('received_special_kind').on(t.specialKind, t.issuedAt),
    index('received_seller').on(t.sellerTaxId),
    // 发票查询: as for invoices, the date index carries what the count and totals read
    index('received_dated').on(t.issuedAt, t.number, t.kind, t.colour, t.redStatus, t.booking, t.amountFen, t.taxFen, t.totalFen),
    index('received_kind_dated').on(t.kind, t.issuedAt),
    index('received_seller_name').on(t.sellerName, t.number, t.issuedAt, t.amountFen, t.taxFen, t.totalFen),
    index('received_total').on(t.totalFen, t.issuedAt, t.number, t.amountFen, t.taxFen),
    index('received_red_status').on(t.redStatus, t.issuedAt),
    index('received_booking').on(t.booking, t.issuedAt),
  ],
)

/**
 * 进项 lines for 发票查询's 项目名称 filter, copied from received_invoices.document by triggers
 * (custom SQL in the migration): the document stays the truth.
 */
export const receivedLines = sqliteTable(
  'received_lines',
  {
    number: text('number')
      .notNull()
      .references(() => receivedInvoices.number, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.number, t.position] }), index('received_lines_name').on(t.name, t.number)],
)

/**
 * Every distinct 项目名称 of 销项 and 进项 lines, filled by triggers; an FTS5 trigram index
 * (item_names_fts, custom SQL) finds the names that contain a text of 3+ characters, a LIKE over
 * this small table the 1–2 character ones. Names are never removed: one no line carries any more
 * matches no invoice. invoice_items (migration 0007, hand-written: drizzle has no WITHOUT ROWID
 * tables) links each 销项 invoice to its names' ids for 发票查询 (features/query/items.ts).
 */
export const itemNames = sqliteTable('item_names', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
})

/**
 * The count and totals of 发票查询 per day and kind, colour and status, per side (销项 'S', 进项 'P'),
 * kept by triggers (custom SQL in migration 0005) as invoices are written, changed or deleted. A
 * filter of dates, 票种, 红蓝字, 状态 and 入账状态 only — the screen's default among them — reads its
 * count and totals here (a few hundred rows) instead of summing up to a million invoices. status
 * is the 红冲状态 of an issued invoice, 'queued' (待开具/开具中) or 'failed'; booking is '' on 销项.
 */
export const invoiceDayTotals = sqliteTable(
  'invoice_day_totals',
  {
    side: text('side', { enum: ['S', 'P'] }).notNull(),
    day: text('day').notNull(),
    kind: text('kind').notNull(),
    colour: text('colour').notNull(),
    status: text('status').notNull(),
    booking: text('booking').notNull(),
    n: integer('n').notNull(),
    amountFen: integer('amount_fen').notNull(),
    taxFen: integer('tax_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.side, t.day, t.kind, t.colour, t.status, t.booking] })],
)

/**
 * Every distinct counterparty name of 销项 (购买方, side 'S') and 进项 (销售方, side 'P'), with its
 * search key (lower-case name + 拼音首字母, as customers have it), filled by triggers through the
 * ledger's search_key() function (ledger/functions.ts). A contains-search over a few thousand keys
 * is instant where one over a million invoices is not; the invoices are then found by name.
 */
export const counterparties = sqliteTable(
  'counterparties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    side: text('side', { enum: ['S', 'P'] }).notNull(),
    name: text('name').notNull(),
    searchKey: text('search_key').notNull(),
  },
  (t) => [uniqueIndex('counterparties_name').on(t.side, t.name)],
)

/**
 * Where this ledger stands with the platform: one row (id = 1). The change-feed cursor is saved in
 * the same transaction as the changes it covers.
 */
export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  /** the platform the cursor belongs to (a cursor means nothing to another platform) */
  platformUrl: text('platform_url'),
  cursor: text('cursor').notNull().default('0'),
  lastSuccessAt: text('last_success_at'),
  lastAttemptAt: text('last_attempt_at'),
  lastError: text('last_error'),
  /** JSON QuotaReading as last read */
  quota: text('quota'),
  taxcodesVersion: text('taxcodes_version'),
})

/**
 * 红字发票信息确认单 this company is a party to: entered here (queued until the platform gives it a
 * 确认单编号) or brought by the change feed when the counterparty entered it. `document` is the
 * platform's latest form; the columns serve the lists.
 */
export const redConfirmations = sqliteTable(
  'red_confirmations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 确认单编号, once the platform accepted the form */
    number: text('number').unique(),
    blueNumber: text('blue_number').notNull(),
    kind: text('kind', { enum: ['81', '82'] }).notNull(),
    reason: text('reason').$type<RedReason>().notNull(),
    /** 录入方身份 */
    initiator: text('initiator', { enum: ['seller', 'buyer'] }).notNull(),
    /** this company's side of the blue invoice */
    role: text('role', { enum: ['seller', 'buyer'] }).notNull(),
    /** 红字确认信息状态 01–10; null while the form waits to reach the platform */
    status: text('status').$type<RedStatusCode>(),
    counterpartyTaxId: text('counterparty_tax_id').notNull(),
    counterpartyName: text('counterparty_name').notNull(),
    /** negative */
    amountFen: integer('amount_fen').notNull(),
    taxFen: integer('tax_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    /** JSON RedLine[] (as entered until the platform answers) */
    lines: text('lines').notNull(),
    /** JSON RedConfirmation, as the platform last gave it */
    document: text('document'),
    deadline: text('deadline'),
    redInvoiceNumber: text('red_invoice_number'),
    /** the platform's words when it refused what this company asked */
    failure: text('failure'),
    ...timestamps,
  },
  (t) => [index('red_blue').on(t.blueNumber), index('red_status').on(t.status, t.updatedAt)],
)

/**
 * 发票下载 jobs (features/downloads): an application waits 待处理 until the core's runner claims it
 * (`owner`, `heartbeat_at`: a job left 处理中 by a process that died is put back), then its zip
 * lies in <company folder>/downloads/ for 7 days. `params` is the application as JSON.
 */
export const downloadJobs = sqliteTable(
  'download_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdAt: text('created_at').notNull(),
    /** JSON DownloadApplication: from, to, side, kind?, formats */
    params: text('params').notNull(),
    state: text('state', { enum: ['pending', 'running', 'done', 'failed', 'cancelled'] }).notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    filePath: text('file_path'),
    fileName: text('file_name'),
    note: text('note'),
    error: text('error'),
    finishedAt: text('finished_at'),
    /** the process working on it (host:pid) and when it last said so */
    owner: text('owner'),
    heartbeatAt: text('heartbeat_at'),
  },
  (t) => [index('download_jobs_state').on(t.state, t.id)],
)

/**
 * 发票入账 / 用途确认 requests (manual §2.6.2): one job per request of at most 2,000 invoices, from the
 * 进项 list or an uploaded template, sent as one outbox command (document 'booking-job'); 待处理
 * until the platform answers, then 处理成功 with a result per row, or 处理失败 with its refusal.
 */
export const bookingJobs = sqliteTable(
  'booking_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['booking', 'use'] }).notNull(),
    /** 'list', or the template of the uploaded file: 数电 / 税控 */
    source: text('source', { enum: ['list', '数电', '税控'] }).notNull(),
    fileName: text('file_name'),
    state: text('state', { enum: ['pending', 'done', 'failed'] }).notNull(),
    error: text('error'),
    finishedAt: text('finished_at'),
    ...timestamps,
  },
  (t) => [index('booking_jobs_state').on(t.state, t.id)],
)

/** one row of a job, as typed (or chosen from the list), and its result once the platform answered */
export const bookingJobRows = sqliteTable(
  'booking_job_rows',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => bookingJobs.id, { onDelete: 'cascade' }),
    /** the row's place in the job, 0-based (a file's data row N is position N − 1 of the sheet's data) */
    position: integer('position').notNull(),
    /** the sheet's row number for a file; null from the list */
    sheetRow: integer('sheet_row'),
    number: text('number').notNull(),
    /** 税控发票代码 */
    code: text('code'),
    /** 开票日期 YYYY-MM-DD as typed */
    issueDate: text('issue_date'),
    /** booking: 1 入账, 0 撤销入账; null for 用途确认 */
    book: integer('book', { mode: 'boolean' }),
    period: text('period'),
    /** 入账类型 02–05 */
    type: text('type'),
    /** 用途确认: deduct / no-deduct */
    use: text('use'),
    /** null until answered; a row refused here for its form is 'other' at once and never sent */
    result: text('result', { enum: ['success', 'not-found', 'abnormal', 'duplicate', 'other'] }),
    message: text('message'),
    earlierPeriod: text('earlier_period'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.position] }), index('booking_job_rows_number').on(t.number, t.jobId)],
)

/**
 * 批量开具 (issue 13): one imported batch template. Its invoices are drafts in `invoices` from the
 * import on (reviewed there, queued together by 批量开具); the totals are the import's, kept for the list.
 */
export const batches = sqliteTable(
  'batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    /** review: drafts awaiting 批量开具; queued: 批量开具 done (each invoice's own state tells the rest); discarded */
    state: text('state', { enum: ['review', 'queued', 'discarded'] }).notNull(),
    invoiceCount: integer('invoice_count').notNull(),
    lineCount: integer('line_count').notNull(),
    amountFen: integer('amount_fen').notNull(),
    taxFen: integer('tax_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    queuedAt: text('queued_at'),
    ...timestamps,
  },
  (t) => [index('batches_state').on(t.state, t.id)],
)

/** one invoice of a batch: its 发票流水号 and sheet-1 row as the file had them, and its invoice */
export const batchInvoices = sqliteTable(
  'batch_invoices',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    /** sheet-1 order, 0-based */
    position: integer('position').notNull(),
    /** 发票流水号: a repeat of an earlier batch's issued one must be confirmed before 批量开具 */
    serial: text('serial').notNull(),
    sheetRow: integer('sheet_row').notNull(),
    /** the draft, then the issued invoice; null once a discarded batch's draft is deleted */
    invoiceId: integer('invoice_id').references(() => invoices.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.position] }), index('batch_invoices_serial').on(t.serial, t.batchId), index('batch_invoices_invoice').on(t.invoiceId)],
)
