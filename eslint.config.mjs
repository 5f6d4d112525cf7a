// Lint decided once: the same strictness for tests and production code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.cache/**',
      'coverage/**',
      'bench/results/**',
      'eval/results/**',
      'fuzz/results/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Deep imports into another lib bypass its public entry point.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@paxscreen/*/*'], message: 'import a lib only through its @paxscreen/<lib> entry' },
            { group: ['**/libs/*/src/**'], message: 'import a lib only through its @paxscreen/<lib> entry' },
          ],
        },
      ],
    },
  },
  {
    // Command-line programs and benchmarks print to the terminal by design.
    files: ['apps/cli/**/*.ts', 'bench/**/*.ts', 'eval/**/*.ts', 'fuzz/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
