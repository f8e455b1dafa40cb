import type { Registry } from '../../registry'
import { listReceived } from './service'

export function registerReceived(reg: Registry): void {
  reg.handle('received.list', (q, ctx) => listReceived(ctx, q))
}
