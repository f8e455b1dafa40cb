// Long jobs (imports, exports): the UI follows one by its jobId and may cancel it.
import { z } from 'zod'
import { call } from './define'

export const jobsApi = {
  'jobs.cancel': call(z.object({ jobId: z.string().min(1) })).returns<{ cancelled: boolean }>(),
}
