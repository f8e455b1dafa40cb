// 发票查询's 查询条件 and results: the form as typed, the filter it makes (cleared fields are no
// condition), the page the core returns with the count and totals of everything that matches,
// and the sort the table's headers choose. Paging and sorting happen in the core.
import { computed, reactive } from 'vue'
import type { InvoiceFilterInput, InvoiceRow, InvoiceSide, QuerySort, QueryStatus, QueryTotals } from '../../../../shared/api/invoiceQuery'
import type { SpecialKind } from '../../../../shared/domain/specialBusiness'
import { toShanghaiIso } from '../../../../shared/domain/time'
import { api } from '../../api'
import { useDataChanged } from '../../composables/useDataChanged'
import { usePagedQuery } from '../../composables/usePagedQuery'

export interface QueryFields {
  side: InvoiceSide
  /** 开票日期 from–to, YYYY-MM-DD; null: any */
  dates: [string, string] | null
  number: string
  counterparty: string
  kind: '' | '81' | '82'
  status: '' | QueryStatus
  min: string
  max: string
  item: string
  drawer: string
  /** 特定业务; '' any invoice, special or not */
  specialKind: '' | SpecialKind
  booking: string
}

/** 本月: from the 1st to today, Asia/Shanghai */
export function thisMonth(now = new Date()): [string, string] {
  const today = toShanghaiIso(now).slice(0, 10)
  return [`${today.slice(0, 8)}01`, today]
}

export function emptyFields(side: InvoiceSide = '销项', status: QueryFields['status'] = ''): QueryFields {
  // a status asked for by the address (the top bar's 开具失败 count) is wanted whatever its date
  return { side, dates: status ? null : thisMonth(), number: '', counterparty: '', kind: '', status, min: '', max: '', item: '', drawer: '', specialKind: '', booking: '' }
}

const text = (v: string) => v.trim() || undefined

export function filterOf(f: QueryFields): InvoiceFilterInput {
  return {
    side: f.side,
    from: f.dates?.[0],
    to: f.dates?.[1],
    number: text(f.number),
    counterparty: text(f.counterparty),
    kind: f.kind || undefined,
    status: f.status || undefined,
    min: text(f.min),
    max: text(f.max),
    item: text(f.item),
    drawer: text(f.drawer),
    specialKind: f.specialKind || undefined,
    booking: f.side === '进项' ? (f.booking as InvoiceFilterInput['booking']) || undefined : undefined,
  }
}

const NO_TOTALS: QueryTotals = { amount: '0.00', tax: '0.00', total: '0.00' }

export function useInvoiceQuery(first: QueryFields) {
  const sort = reactive<{ sort: QuerySort; order: 'asc' | 'desc' }>({ sort: 'issuedAt', order: 'desc' })
  /** each page's totals by its rows, so a late answer dropped by usePagedQuery never shows its totals */
  const totalsOf = new WeakMap<InvoiceRow[], QueryTotals>()
  // the first query comes from the address; 重置 goes back to 本月 on the tab shown
  let preset: QueryFields | null = first
  let side: InvoiceSide = first.side
  const list = usePagedQuery<InvoiceRow, QueryFields>({
    entity: 'invoices',
    emptyQuery: () => ({ ...(preset ?? emptyFields(side)) }),
    list: async (q, page) => {
      const r = await api.invoices.query({ ...filterOf(q), ...sort, ...page })
      totalsOf.set(r.rows, r.totals)
      return r
    },
  })
  preset = null

  /** the 销项 / 进项 tab: a fresh 本月 query on that side (its selection means nothing there) */
  function switchSide(to: InvoiceSide): void {
    side = to
    list.reset()
  }

  // 进项 arrive by the change feed; 入账 answers change their 入账状态
  useDataChanged(['received', 'booking'], () => void list.load())
  const totals = computed(() => totalsOf.get(list.rows.value) ?? NO_TOTALS)

  function sortBy(by: QuerySort | null, order: 'asc' | 'desc' | null): void {
    sort.sort = by && order ? by : 'issuedAt'
    sort.order = by && order ? order : 'desc'
    list.paging.page = 1
    void list.load()
  }

  return { ...list, totals, sort, sortBy, switchSide, filter: () => filterOf(list.applied()) }
}
