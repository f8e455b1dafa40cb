// What the parser (parse.ts) and the help (help.ts) both know of a command.
import type { CliCommandSpec, CliOptions, CliRawValues } from '../../shared/cli'

/** a command as the parser sees it: its words, its declaration and the global options around it */
export interface CliEntry {
  words: string
  spec: CliCommandSpec
  globals: CliOptions
  /** runs the command with the checked arguments and values; the exit status */
  execute(args: string[], values: CliRawValues): Promise<number>
}
