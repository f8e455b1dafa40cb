// What can be done to a form, shared by the two lists and 查看: 撤销 and 开票 (each asked first),
// 同意 / 拒绝. The core decides what is allowed (`can`); these only ask, call and say what happened —
// including that it waits to reach the platform when offline.
import { ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { RedForm } from '../../../../shared/api/red'
import { api } from '../../api'
import { groupedMoney } from '../../../../shared/moneyText'

type Target = Pick<RedForm, 'id' | 'number' | 'blueNumber' | 'total'>

/** after an action: on the platform already, or queued for it */
function queuedOrDone(f: RedForm, done: string): string {
  return f.pendingAction ? `${done}，待上传至税务平台（联网后自动提交）` : done
}

export function useRedActions() {
  /** the form an action runs for: its buttons wait */
  const busy = ref<number | null>(null)

  async function run(id: number, action: () => Promise<void>): Promise<boolean> {
    busy.value = id
    try {
      await action()
      return true
    } catch (e) {
      ElMessage.error((e as Error).message)
      return false
    } finally {
      busy.value = null
    }
  }

  async function ask(message: string, title: string, confirmButtonText: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, title, { confirmButtonText, cancelButtonText: '取消', type: 'warning' })
      return true
    } catch {
      return false
    }
  }

  const name = (f: Target) => (f.number ? `确认单 ${f.number}（蓝字发票 ${f.blueNumber}）` : `蓝字发票 ${f.blueNumber} 的确认单`)

  async function withdraw(f: Target): Promise<boolean> {
    if (!(await ask(`确定撤销${name(f)}吗？撤销后该确认单作废，不能恢复；如仍需红冲，须重新录入。`, '撤销红字确认信息', '撤销'))) return false
    return run(f.id, async () => {
      ElMessage.success(queuedOrDone(await api.red.withdraw({ id: f.id }), '已撤销'))
    })
  }

  async function issue(f: Target): Promise<boolean> {
    if (!(await ask(`按${name(f)}开具红字发票，价税合计 ¥${groupedMoney(f.total)}。确定开票吗？`, '红字发票开票', '开票'))) return false
    return run(f.id, async () => {
      const after = await api.red.issue({ id: f.id })
      ElMessage.success(after.redInvoiceNumber ? `红字发票已开具：${after.redInvoiceNumber}` : queuedOrDone(after, '已提交开票'))
    })
  }

  function decide(f: Target, agree: boolean, opinion: string): Promise<boolean> {
    return run(f.id, async () => {
      const after = await api.red.decide({ id: f.id, agree, opinion })
      const done = agree ? (after.redInvoiceNumber ? `已同意，红字发票已开具：${after.redInvoiceNumber}` : '已同意') : '已拒绝，确认单作废'
      ElMessage.success(queuedOrDone(after, done))
    })
  }

  return { busy, withdraw, issue, decide }
}
