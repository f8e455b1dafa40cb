// The app itself: its version, where its data lives (and whether a sync client endangers it), and
// what the 关于 box shows.
import { z } from 'zod'
import { call } from './define'

export interface AppInfo {
  version: string
  dataDir: string
  /** the data folder lies in a cloud-synced folder (OneDrive, iCloud 云盘, Dropbox, 坚果云 …): why that is dangerous and what to do */
  cloudFolder: { service: string; folder: string; warning: string } | null
}

/** a file or table shipped with the app and the licence it comes under (resources/…/README.md) */
export interface BundledLicence {
  /** what it is: 霞鹜文楷字体 */
  name: string
  /** the licence's name */
  licence: string
  /** where the README and licence text sit, under the app folder */
  file: string
}

export interface AboutInfo extends AppInfo {
  /** the runtime: Electron and Chromium only in the desktop app (null in web mode), Node always */
  versions: { electron: string | null; chrome: string | null; node: string }
  /** the 税收分类编码 table the current company uses (null without a company): the shipped table's otherwise */
  taxcodes: { version: string; sourceLabel: string; total: number; leaves: number; origin: string; current: boolean }
  licences: BundledLicence[]
}

export const appApi = {
  'app.info': call(z.object({}).optional()).returns<AppInfo>(),
  /** 关于票税通 */
  'app.about': call(z.object({}).optional()).returns<AboutInfo>(),
}
