// Which received invoices a job still holds: sent (or waiting to be) and not yet answered. The
// lists show them as 待处理 beside the platform's state, which stays the truth until it answers.
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Ledger } from '../../ledger/open'
import { bookingJobRows, bookingJobs } from '../../ledger/schema'

export function pendingNumbers(ledger: Ledger, numbers: readonly string[]): Set<string> {
  if (numbers.length === 0) return new Set()
  const rows = ledger.orm
    .selectDistinct({ number: bookingJobRows.number })
    .from(bookingJobRows)
    .innerJoin(bookingJobs, eq(bookingJobs.id, bookingJobRows.jobId))
    .where(and(eq(bookingJobs.state, 'pending'), isNull(bookingJobRows.result), inArray(bookingJobRows.number, [...numbers])))
    .all()
  return new Set(rows.map((r) => r.number))
}
