// ESLint (flat config): the recommended JavaScript, TypeScript and Vue rules, and the import rules
// of docs/architecture.md ("who may import whom") as no-restricted-imports, so a layer crossing
// fails `npm run lint` (and .ci/run) rather than a review. Formatting is Prettier's alone.
import js from '@eslint/js'
import globals from 'globals'
import vue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

/** the top-level folders of src/ a layer may be kept from */
const AREAS = ['main', 'renderer', 'platform', 'documents', 'preload', 'shared']

/**
 * Imports are relative, so "src/main" is written `../main`, `../../main` … by depth. For the files
 * `depth` folders below `src/<area>/`, the relative paths that reach each forbidden area.
 */
function reaching(forbidden, depth, allowed = []) {
  const up = '../'.repeat(depth + 1)
  // `<area>/**`, not `<area>` itself: gitignore rules cannot re-include a file (`!…/platform/cli`) below an excluded folder
  return [...forbidden.map((a) => `${up}${a}/**`), ...allowed.map((a) => `!${up}${a}`)]
}

/**
 * One config block per depth of `area` (folders below it up to 6 deep): imports reaching the
 * `forbidden` areas of src/ are refused with `why`; `allowed` names exceptions (`platform/cli`);
 * `packages` are npm or Node modules the layer may not import at all.
 */
function layer(area, { forbidden, allowed = [], packages = [], why }) {
  return Array.from({ length: 7 }, (_, depth) => ({
    files: [`src/${area}/${'*/'.repeat(depth)}*.{ts,vue}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: packages.map((name) => ({ name, message: why })),
          patterns: [{ group: reaching(forbidden, depth, allowed), message: why }],
        },
      ],
    },
  }))
}

const others = (...keep) => AREAS.filter((a) => !keep.includes(a))

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'docs/**', 'resources/**', 'migrations/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_`-named parameters and destructured leftovers say "deliberately unused"
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // a screen's name is the file's (InvoicesView.vue): single words are fine for views
      'vue/multi-word-component-names': 'off',
      // the control characters in our patterns are the point: XML 1.0, Excel and file names refuse them
      'no-control-regex': 'off',
      // a form section edits the draft its screen owns (v-model on draft.buyer.name): the object is
      // shared on purpose; replacing a prop itself stays an error
      'vue/no-mutating-props': ['error', { shallowOnly: true }],
    },
  },
  {
    // tests of number parsing write literals past a double's precision on purpose
    files: ['**/*.test.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  ...layer('shared', { forbidden: others('shared'), packages: ['electron'], why: 'src/shared/ runs everywhere: it imports only itself (docs/architecture.md)' }),
  ...layer('documents', {
    forbidden: others('documents', 'shared'),
    packages: ['electron'],
    why: 'src/documents/ imports only src/shared/ and npm packages (docs/architecture.md)',
  }),
  ...layer('platform', {
    forbidden: others('platform', 'shared', 'documents'),
    packages: ['electron'],
    why: 'the platform sandbox imports only src/shared/ and src/documents/ (docs/architecture.md)',
  }),
  ...layer('renderer', {
    forbidden: others('renderer', 'shared'),
    packages: ['electron'],
    why: 'the renderer reaches the core only through src/renderer/src/api.ts (docs/architecture.md)',
  }),
  ...layer('preload', { forbidden: others('preload', 'shared'), why: 'the preload bridge imports only src/shared/ and electron (docs/architecture.md)' }),
  // src/main/<folder>/: one level below src/main, so two more `../` reach src/<area>
  ...layer('main/core', {
    forbidden: ['../renderer', '../platform', '../preload'],
    packages: ['electron'],
    why: 'the core is plain Node: never electron, the renderer or the sandbox (docs/architecture.md)',
  }),
  ...layer('main/cli', {
    forbidden: ['../renderer', '../platform', '../preload'],
    allowed: ['../platform/cli'],
    packages: ['electron'],
    why: 'the CLI runs the core in Node; of the sandbox only src/platform/cli.ts (docs/architecture.md)',
  }),
  ...layer('main/security', {
    forbidden: ['../renderer', '../platform', '../preload'],
    packages: ['electron'],
    why: 'each security decision is a pure module tested in Node: no electron (docs/architecture.md)',
  }),
  ...layer('main/shell', {
    forbidden: ['../renderer', '../platform', '../preload'],
    packages: ['electron'],
    why: 'each decision of the desktop shell is a plain-Node module tested in Vitest: no electron (docs/architecture.md)',
  }),
  ...layer('main/update', {
    forbidden: ['../renderer', '../platform', '../preload'],
    packages: ['electron', 'electron-updater'],
    why: 'the update decision is plain Node, tested without Electron: no electron, no electron-updater (docs/architecture.md)',
  }),
  ...layer('main/web', { forbidden: ['../renderer', '../platform', '../preload'], packages: ['electron'], why: 'the web bridge runs in Node: no electron (docs/architecture.md)' }),
)
