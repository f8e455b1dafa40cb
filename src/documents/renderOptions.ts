// How an invoice's file is drawn: what every format (pdf.ts, ofd.ts, xml.ts) takes.
export interface RenderOptions {
  /** the folder holding the shipped font (resources/fonts under the app folder) */
  fontsDir: string
  /** not yet issued by the platform (offline): drawn without number or QR, marked as not official */
  provisional?: boolean
  /** tax code → 简称 for the printed 项目名称 `*简称*名称` (the draft keeps only the code) */
  shortNames?: Readonly<Record<string, string>>
}
