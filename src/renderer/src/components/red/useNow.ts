// The time now, ticking: the 72-hour countdowns move while a screen stays open. One timer per
// screen that asks, stopped when it closes.
import { onMounted, onUnmounted, ref, type Ref } from 'vue'

export function useNow(everyMs = 30_000): Ref<number> {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => (timer = setInterval(() => (now.value = Date.now()), everyMs)))
  onUnmounted(() => clearInterval(timer))
  return now
}
