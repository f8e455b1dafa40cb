// The app itself: its version and where its data lives.
import { z } from 'zod'
import { call } from './define'

export interface AppInfo {
  version: string
  dataDir: string
}

export const appApi = {
  'app.info': call(z.object({}).optional()).returns<AppInfo>(),
}
