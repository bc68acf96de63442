import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// zod 4's named `z` is a namespace object a bundler cannot prune: `import { z }` put all of zod
// (every locale, 454 KB minified) into the server bundle, `import * as z` the 85 KB it uses.
const zodNamedZ = {
  selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
  message: "Write `import * as z from 'zod'` (zod's advice: a bundler can drop what is unused).",
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dev-dist/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', zodNamedZ],
    },
  },
  // Type-aware rules, where a promise's misuse is a lost write or an unhandled failure: a
  // floating promise (nobody awaits it, nobody catches it) and a promise where a void callback
  // was expected (an async onClick or event handler whose rejection goes nowhere). Fire and
  // forget is written `void`, with the reason beside it.
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...pluginQuery.configs['flat/recommended'],
  // Features meet in app/; they never import each other.
  ...readdirSync(new URL('./client/src/features', import.meta.url)).map((feature) => ({
    files: [`client/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(@/features/(?!${feature}/)|(\\.\\./){2,}features/)`,
              message: 'Features do not import each other; compose them in app/.',
            },
          ],
        },
      ],
    },
  })),
);
