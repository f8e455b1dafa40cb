// The core's event bus: transports subscribe and forward (IPC, SSE).
import type { AppEvent } from '../../shared/events'

export interface EventBus {
  emit(e: AppEvent): void
  on(listener: (e: AppEvent) => void): () => void
}

export function createEventBus(): EventBus {
  const listeners = new Set<(e: AppEvent) => void>()
  return {
    emit(e) {
      for (const l of listeners) l(e)
    },
    on(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
