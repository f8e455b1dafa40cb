// The company the app is working for, and the others it can switch to.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Company, CompanySummary } from '../../../shared/api/companies'
import { api } from '../api'

export const useCompanyStore = defineStore('company', () => {
  const current = ref<Company | null>(null)
  const all = ref<CompanySummary[]>([])
  const loaded = ref(false)

  async function load() {
    ;[current.value, all.value] = await Promise.all([api.companies.current({}), api.companies.list({})])
    loaded.value = true
  }

  async function switchTo(taxId: string) {
    current.value = await api.companies.switch({ taxId })
    all.value = await api.companies.list({})
  }

  return { current, all, loaded, load, switchTo }
})
