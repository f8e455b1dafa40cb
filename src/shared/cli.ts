// How a command-line command declares itself: its words' arguments and its own options, each with
// a description in Chinese and in English, its summary in both and examples of its use. The app's CLI (src/main/cli) and the sandbox's admin commands
// (src/platform/cli.ts, which may import only src/shared) declare their commands with these types;
// src/main/cli/parse.ts checks a command line against them and writes the help from them.

export interface CliOption {
  /** 'string' (the default) takes a value: `--month 202611`; 'boolean' is a switch: `--json` */
  type?: 'string' | 'boolean'
  /** the value's placeholder in help and usage: `--month YYYYMM` */
  value?: string
  description: string
  /** the same in English, shown under the Chinese by --help; required so that no option goes without it.
   *  No Chinese in it except a domain term in parentheses: "red-letter confirmation (红字确认单)" */
  descriptionEn: string
  /** a required option refuses to run the command without a non-blank value */
  required?: boolean
  /** the only values allowed */
  choices?: readonly string[]
  /** a whole number ≥ 1 */
  positive?: boolean
}

export type CliOptions = Readonly<Record<string, CliOption>>

/** a positional argument: `items import FILE` */
export interface CliArg {
  name: string
  description: string
  /** the same in English, as for an option */
  descriptionEn: string
  optional?: boolean
  /** takes every remaining word (at least one unless optional): `extras delete NAME…` */
  variadic?: boolean
  choices?: readonly string[]
}

/** one way to use a command, shown by its --help in both languages */
export interface CliExample {
  /** the words after the program name, as typed in a shell (a value with spaces in "double quotes") */
  line: string
  /** what it does */
  zh: string
  en: string
}

export interface CliCommandSpec {
  /** one line for the command list and the command's --help */
  summary: string
  /** the same line in English (help shows both) */
  summaryEn: string
  args?: readonly CliArg[]
  options?: CliOptions
  /** at least one; the tests parse every example against this declaration, so none can drift from it */
  examples: readonly [CliExample, ...CliExample[]]
}

/** What a command receives for its declared options: a required option is always there. */
export type CliValues<O extends CliOptions> = {
  [K in keyof O]: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { required: true } ? string : string | undefined
}

/** the values as the parser hands them over, before a command's declaration types them */
export type CliRawValues = Record<string, string | boolean | undefined>
