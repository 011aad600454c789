import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_VSCODE = { name: 'vscode', message: 'this code also runs outside VS Code (CLI, emulator, Node tests)' };
const EMULATOR_INDEX_ONLY = { regex: '(^|/)emulator/(?!index$)[^/]+', message: 'reach the emulator through its index (src/emulator/index.ts)' };
const restrict = (paths, patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] });

function boundaries() {
  return [
    { files: ['**/protocol.ts', 'test/unit/**/*.ts'], rules: restrict([NO_VSCODE], []) },
    { files: ['src/extension/**/*.ts'], rules: restrict([], [EMULATOR_INDEX_ONLY, { regex: '(^|/)cli(/|$)', message: 'the extension does not import the CLI' }]) },
    { files: ['src/cli.ts', 'src/cli/**/*.ts'], rules: restrict([NO_VSCODE], [EMULATOR_INDEX_ONLY, { regex: '(^|/)extension(/|$)', message: 'the CLI does not import the extension' }]) },
    { files: ['src/emulator/**/*.ts'], rules: restrict([NO_VSCODE], [{ regex: '(^|/)(extension|cli)(/|$)', message: 'the emulator imports only core' }]) },
    { files: ['src/core/**/*.ts'], rules: restrict([NO_VSCODE], [{ regex: '(^|/)(extension|emulator|cli)(/|$)', message: 'core imports only core' }]) },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'snippets/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Boundaries (architecture.md): core is shared by every front end; front ends don't import each other;
  // the emulator is reached only through its index. Later blocks win for a file, so the strictest is last.
  ...boundaries(),
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', fetch: 'readonly', document: 'readonly', window: 'readonly', acquireVsCodeApi: 'readonly', navigator: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
