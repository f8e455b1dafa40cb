// An injectable clock: tests move time (month rollover, token expiry, the 72-hour rule) instead of
// waiting. The client core and the platform sandbox each take one.
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until moved. */
export function manualClock(start: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let t = start.getTime()
  return {
    now: () => new Date(t),
    set: (d) => {
      t = d.getTime()
    },
    advance: (ms) => {
      t += ms
    },
  }
}
