// The invoice being edited on the issuing screen: the user's own input (never the computed result),
// its live totals, autosave into a draft whose id goes into the route (#/invoice/issue?id=12, so a
// reload reopens it), and 开票 — the domain's rules first, then the core, whose problems come back
// as { path, message } for the fields to show. Once queued, the invoice is followed as the platform
// settles it (refresh): 已开具 with its number and QR, or 开具失败 and editable again.
import { computed, nextTick, reactive, ref, shallowRef, toRaw, watch } from 'vue'
import { onBeforeRouteLeave, onBeforeRouteUpdate, useRoute, useRouter } from 'vue-router'
import { ElMessage, ElMessageBox } from 'element-plus'
import { isEditable, type Invoice, type InvoiceState } from '../../../../shared/api/invoices'
import { prepareDraft, rateIssues, type DraftIssue, type DraftLine } from '../../../../shared/domain/invoice'
import { specialCodeIssues } from '../../../../shared/domain/specialBusiness'
import { api, ApiError, call } from '../../api'
import { blankForm, formOf, toDraft, type DraftForm } from '../../components/invoice/draftForm'
import { loadRegions, useRegions } from '../../components/invoice/special/useRegions'
import { groupedMoney } from '../../../../shared/moneyText'
import { useCompanyStore } from '../../stores/company'
import { liveCompute } from './liveCompute'
import { useAutosave } from './useAutosave'
import { useQualification } from './useQualification'

function idOf(q: unknown): number | null {
  return typeof q === 'string' && /^\d+$/.test(q) ? Number(q) : null
}

export function useInvoiceEditor(hooks: {
  /** the 附加要素 fit their data types (checked on the screen: the draft does not carry the types) */
  extrasValid: () => boolean
  /** puts the cursor at the field an issue names */
  showIssue: (path: string) => void
  /** a warning when this 金额 exceeds the remaining 授信额度, else null */
  quotaWarning: (amount: string) => string | null
}) {
  const route = useRoute()
  const router = useRouter()
  const company = useCompanyStore()

  const form = reactive<DraftForm>(blankForm())
  const id = ref<number | null>(null)
  const state = ref<InvoiceState>('draft')
  const failure = ref<string | null>(null)
  /** the invoice as last read from the core: its 同步状态, number, QR (null for a new draft) */
  const invoice = shallowRef<Invoice | null>(null)
  /** 开票人 recorded on an invoice past 草稿 */
  const recordedDrawer = ref('')
  const shortNames = reactive<Record<string, string>>({})
  const issues = shallowRef<DraftIssue[]>([])
  /** after the first 开票 attempt the problems follow every save */
  const attempted = ref(false)
  const issuing = ref(false)
  let loading = false
  /** a navigation is waiting for the save: the route must not be replaced under it */
  let navigating = false

  const readonly = computed(() => !isEditable(state.value))
  /** queued or being sent: the platform has not answered yet */
  const awaiting = computed(() => state.value === 'queued' || state.value === 'issuing')
  /**
   * Reads are numbered and only the newest is shown: a settlement's re-read may cross the one
   * 开票 started, and a stale 待开具 must not overwrite 已开具.
   */
  let seq = 0
  const drawer = computed(() => (readonly.value ? recordedDrawer.value : (company.current?.operator ?? '')))
  const qualification = useQualification()
  /**
   * the rate rules of every line, and the 特定业务's allowed codes, as it is typed: a refused rate or
   * code is explained at once, in its line
   */
  const rateProblems = shallowRef<DraftIssue[]>([])
  // run on every keystroke over up to 2,000 lines: read the form as it is (rateIssues only reads),
  // not a copy of it
  const checkRates = () => {
    const q = qualification.context.value
    const raw = toRaw(form)
    rateProblems.value = readonly.value ? [] : [...(q ? rateIssues(raw, q) : []), ...specialCodeIssues(raw)]
  }
  /** the 行政区划 list, when the core has it: 特定业务 places are then checked against it */
  const regions = useRegions()
  void loadRegions()
  const errors = computed(() => {
    const out: Record<string, string> = {}
    for (const i of issues.value) out[i.path] ??= i.message
    for (const i of rateProblems.value) out[i.path] ??= i.message
    return out
  })

  const compute = liveCompute()
  const live = shallowRef(compute(form))
  /** the company the draft belongs to: a save never goes to another company's ledger */
  const owner = company.current?.taxId

  const autosave = useAutosave({
    snapshot: () => toDraft(form),
    async save(draft) {
      if (company.current?.taxId !== owner) throw new Error('当前企业已切换，草稿未保存')
      const saved = await api.invoices.saveDraft({ id: id.value ?? undefined, draft })
      // saving an invoice the platform refused makes it a draft again
      state.value = 'draft'
      failure.value = null
      if (attempted.value) issues.value = saved.warnings
      id.value = saved.id
      if (!navigating) syncRouteId()
    },
  })

  /** the draft's id into the address, so a reload reopens it */
  function syncRouteId(): void {
    if (route.name !== 'issue' || id.value === null || idOf(route.query.id) === id.value) return
    // not awaited: the route guard below waits for the running save, which would wait for it
    void router.replace({ query: { ...route.query, id: String(id.value) } })
  }
  autosave.baseline(null)

  function changed(): void {
    live.value = compute(form)
    checkRates()
    if (!loading && !readonly.value) autosave.changed()
  }
  // a code's row arriving, or the platform's word on the company, changes what a line may use
  watch([() => ({ ...qualification.codes }), qualification.context], checkRates)
  // Everything but the lines is watched deeply. The lines report their own edits (linesChanged):
  // traversing 2,000 reactive lines on every keystroke cost more than all the rest of the update.
  watch(() => Object.entries(form).filter(([key]) => key !== 'lines'), changed, { deep: true })

  /** 简称 of codes in a draft opened from the ledger (the draft records only the code) */
  async function learnShortNames(lines: DraftLine[]): Promise<void> {
    const codes = [...new Set(lines.map((l) => l.taxCode))].filter((c) => /^\d{19}$/.test(c) && !(c in shortNames))
    await Promise.all(
      codes.map((code) =>
        api.taxcodes.get({ code }).then(
          (tc) => (shortNames[code] = tc.shortName),
          // a code gone from the table shows as digits; validation says why
          () => undefined,
        ),
      ),
    )
  }

  async function show(inv: Invoice | null): Promise<void> {
    loading = true
    Object.assign(form, inv ? formOf(inv.draft) : blankForm())
    id.value = inv?.id ?? null
    invoice.value = inv
    state.value = inv?.state ?? 'draft'
    failure.value = inv?.failure ?? null
    recordedDrawer.value = inv?.drawer ?? ''
    issues.value = []
    attempted.value = false
    autosave.baseline(inv ? new Date(inv.updatedAt) : null)
    live.value = compute(form)
    // the change watcher runs before the next render: it must see this as loading, not typing
    await nextTick()
    loading = false
    if (inv) void learnShortNames(inv.draft.lines)
    if (inv) void qualification.learn(inv.draft.lines)
    checkRates()
  }

  /** reads the invoice and shows it, unless a newer read (or another invoice) came first */
  async function load(target: number): Promise<void> {
    const mine = ++seq
    const inv = await api.invoices.get({ id: target })
    if (mine === seq) await show(inv)
  }

  /**
   * A new invoice, then the company's 开票默认值 (票种, 含税) put on it — only where they differ from
   * the blank form's and nothing else was opened meanwhile, so with the usual defaults nothing moves
   * under the user's first keystrokes.
   */
  async function showBlank(): Promise<void> {
    const mine = ++seq
    await show(null)
    await putDefaults(mine)
  }

  async function putDefaults(mine: number): Promise<void> {
    const defaults = await call('settings.defaults.get', {}).catch(() => null)
    if (!defaults || mine !== seq || id.value !== null) return
    if (defaults.kind === form.kind && defaults.priceIncludesTax === form.priceIncludesTax) return
    loading = true
    Object.assign(form, defaults)
    live.value = compute(form)
    await nextTick()
    loading = false
    checkRates()
  }

  /**
   * The invoice again while it waits for the platform (a sync ran, it was settled): the form is
   * reloaded only when the state moved on (issued: the platform's content; failed: editable).
   * Never under the user's typing: an editable invoice is not re-read.
   */
  async function refresh(): Promise<void> {
    const target = id.value
    if (target === null || !(awaiting.value || issuing.value)) return
    const mine = ++seq
    let inv: Invoice
    try {
      inv = await api.invoices.get({ id: target })
    } catch {
      return // a live hint only: what shows stays until the next read
    }
    if (mine !== seq || id.value !== target) return
    if (inv.state === state.value) invoice.value = inv
    else await show(inv)
  }

  /** the route's invoice (its unsaved typing was saved by the route guard) */
  async function open(target: number | null): Promise<void> {
    if (target === null) return showBlank()
    try {
      await load(target)
    } catch (e) {
      ElMessage.error((e as Error).message)
      await router.replace({ query: {} })
    }
  }

  watch(
    () => route.query.id,
    (q) => {
      const target = idOf(q)
      if (target !== id.value) void open(target)
      // the screen opened on a new invoice: the form is already blank, only the defaults are missing
      else if (target === null) void putDefaults(seq)
    },
    { immediate: true },
  )

  /** what was typed in the invoice being left is saved before the screen moves on */
  async function saveBeforeNavigation(): Promise<boolean> {
    navigating = true
    try {
      if (await autosave.flush()) return true
      await ElMessageBox.confirm(`草稿未能保存（${autosave.error.value}）。离开后，刚才填写的内容将丢失。仍要离开吗？`, '草稿未保存', {
        confirmButtonText: '离开',
        cancelButtonText: '留下',
        type: 'warning',
      })
      return true
    } catch {
      // staying: the id a save made meanwhile goes into the address once this navigation is dropped
      setTimeout(syncRouteId)
      return false
    } finally {
      navigating = false
    }
  }
  onBeforeRouteLeave(saveBeforeNavigation)
  onBeforeRouteUpdate(saveBeforeNavigation)

  async function saveNow(): Promise<void> {
    if (readonly.value) return
    if (!(await autosave.flush())) ElMessage.error(`草稿保存失败：${autosave.error.value}`)
    else if (id.value === null) ElMessage.info('还没有填写内容')
    else ElMessage.success('草稿已保存')
  }

  function refuse(found: DraftIssue[], message: string): void {
    issues.value = found
    ElMessage.error(message)
    if (found[0]) hooks.showIssue(found[0].path)
  }

  /** 开票: the same rules the core and the platform apply, then 待开具 — read-only, queued */
  async function issue(): Promise<void> {
    if (readonly.value || issuing.value) return
    attempted.value = true
    const special = regions.set.value ? { regions: regions.set.value } : undefined
    const found = prepareDraft(toDraft(form), { operator: drawer.value, qualification: qualification.context.value, special }).issues.filter((i) => i.path !== 'operator')
    if (found.length > 0) return refuse(found, `发票还有 ${found.length} 处问题需要修改`)
    issues.value = []
    if (!hooks.extrasValid()) return refuse([], '附加要素的内容与其数据类型不符，请修改')
    const { amount, total, totalInWords } = live.value.totals
    const overQuota = hooks.quotaWarning(amount)
    try {
      await ElMessageBox.confirm(
        `${overQuota ? `${overQuota}\n` : ''}价税合计 ¥${groupedMoney(total)}（${totalInWords}）。开票后发票排队等待上传至平台，不能再修改。`,
        overQuota ? '授信额度可能不足' : '确认开票',
        { confirmButtonText: '开票', cancelButtonText: '取消', type: overQuota ? 'warning' : 'info' },
      )
    } catch {
      return
    }
    issuing.value = true
    try {
      if (!(await autosave.flush()) || id.value === null) throw new Error(`草稿保存失败：${autosave.error.value}`)
      // queued now: every sync event from here may move it, so the screen waits on it at once — a
      // read of it that a later one overtakes must not leave it looking like a draft meanwhile
      state.value = (await api.invoices.issue({ id: id.value })).state
      await load(id.value)
      // the platform may have answered already (a settlement re-read came first): no stale news
      if (awaiting.value) ElMessage.success('已排队，等待上传至平台')
    } catch (e) {
      const fromCore = e instanceof ApiError && e.code === 'VALIDATION' ? ((e.details as { issues?: DraftIssue[] } | undefined)?.issues ?? []) : []
      refuse(fromCore, (e as Error).message)
    } finally {
      issuing.value = false
    }
  }

  /** a new draft with this invoice's content, opened in its place */
  async function copy(): Promise<void> {
    if (id.value === null) return
    try {
      const copied = await api.invoices.copy({ id: id.value })
      await router.push({ query: { id: String(copied.id) } })
      ElMessage.success('已复制为新草稿')
    } catch (e) {
      ElMessage.error((e as Error).message)
    }
  }

  /** a blank form; what was typed so far stays in its draft */
  async function startNew(): Promise<void> {
    if (!(await saveBeforeNavigation())) return
    await showBlank()
    if (route.query.id !== undefined) await router.replace({ query: {} })
  }

  return {
    form,
    id,
    state,
    failure,
    invoice,
    drawer,
    readonly,
    shortNames,
    qualification,
    issues,
    errors,
    issuing,
    live,
    autosaveStatus: autosave.status,
    autosaveError: autosave.error,
    /** the table changed a line (its cells, its lines added, removed or inserted) */
    linesChanged: changed,
    saveNow,
    issue,
    refresh,
    copy,
    startNew,
  }
}
