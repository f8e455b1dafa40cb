// The 新手引导's state, shared by the panel and 设置 (重新显示): read from the core, which ticks each
// step from the ledger — never from a click.
import { ref } from 'vue'
import type { GuideStatus } from '../../../../shared/api/firstDay'
import { call } from '../../api'

const status = ref<GuideStatus | null>(null)

async function refresh(): Promise<void> {
  try {
    status.value = await call('guide.status', {})
  } catch {
    status.value = null // no company yet: no guide
  }
}

async function setDismissed(dismissed: boolean): Promise<void> {
  status.value = await call('guide.set', { dismissed })
}

/** 发票查询 was opened: counts for step ③ once an invoice was issued */
async function queryViewed(): Promise<void> {
  if (status.value?.done.issue && !status.value.done.query) status.value = await call('guide.set', { queryViewed: true })
}

export function useGuide() {
  return { status, refresh, setDismissed, queryViewed }
}
