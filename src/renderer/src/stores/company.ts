// The company the app is working for, and the others it can switch to.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Company, CompanySummary } from '../../../shared/api/companies'
import { api, onEvent } from '../api'

export const useCompanyStore = defineStore('company', () => {
  const current = ref<Company | null>(null)
  const all = ref<CompanySummary[]>([])
  const loaded = ref(false)

  async function load() {
    await refresh()
    loaded.value = true
  }

  // companies added by the core itself (the embedded sandbox's demo counterparties) join the switcher;
  // the platform's word on this company (纳税人类型, granted rates) reaches the screens that use it
  onEvent((e) => {
    if (e.type === 'data.changed' && e.entity === 'companies' && loaded.value) void refresh()
  })

  /** the same company read again is updated in place: screens keyed or watching on it stay as they are */
  async function refresh() {
    const [fresh, list] = await Promise.all([api.companies.current({}), api.companies.list({})])
    all.value = list
    if (fresh && current.value?.taxId === fresh.taxId) Object.assign(current.value, fresh)
    else current.value = fresh
  }

  async function switchTo(taxId: string) {
    current.value = await api.companies.switch({ taxId })
    all.value = await api.companies.list({})
  }

  return { current, all, loaded, load, switchTo }
})
