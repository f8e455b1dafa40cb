import { onMounted, onUnmounted } from 'vue'
import { onEvent } from '../api'

/** Reloads an open list when the core says its data changed (an import, another window, the CLI). */
export function useDataChanged(entities: string[], reload: () => void): void {
  let off: (() => void) | undefined
  onMounted(() => {
    off = onEvent((e) => {
      if (e.type === 'data.changed' && (entities.includes(e.entity) || e.entity === 'company')) reload()
    })
  })
  onUnmounted(() => off?.())
}
