// Lint rules that keep the UI in the shape its README describes: feature folders that import each other only
// through shared code, no import cycles, hooks used by the rules of hooks, and accessible markup.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Folders any feature may import: the HTTP transport and REST shapes (`lib`), shared components, generated types,
 * test helpers. Each feature keeps its own requests in its `api` folder.
 */
const shared = ['lib', 'common', 'generated', 'test'];
/** `app` composes the features into pages and routes, so it may import all of them and none may import it. */
const composition = 'app';
const features = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !shared.includes(entry.name) && entry.name !== composition)
  .map((entry) => entry.name);

const zones = [
  ...features.map((feature) => ({
    target: `./src/${feature}`,
    from: [composition, ...features.filter((other) => other !== feature)].map((other) => `./src/${other}`),
    message: `a feature imports other features only through shared code (${shared.join(', ')})`,
  })),
  ...shared
    .filter((folder) => folder !== 'test')
    .map((folder) => ({
      target: `./src/${folder}`,
      from: [composition, ...features].map((other) => `./src/${other}`),
      message: 'shared code must not depend on a feature',
    })),
  // A feature's api module is what its components use, never the other way round.
  ...features.map((feature) => ({
    target: `./src/${feature}/api`,
    from: `./src/${feature}`,
    except: ['./api'],
    message: "a feature's api module depends only on shared code, not on the feature's components",
  })),
];

/** Where requests, query options and mutations live: each feature's api module and the shared transport. */
const apiModules = ['src/lib/**', 'src/*/api/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A confirmation dialog focuses its safe choice when it opens (the dialog pattern of WAI-ARIA); the rule is
      // kept for plain elements, where moving focus on render surprises a screen-reader user.
      'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }],
    },
  },
  {
    // Components ask their feature's api hooks; they neither send requests nor declare queries or mutations.
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...apiModules, 'src/test/**', 'src/**/*.test.{ts,tsx}', 'src/main.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: "requests belong in the feature's api module (src/<feature>/api)" },
        { name: 'XMLHttpRequest', message: "requests belong in the feature's api module (src/<feature>/api)" },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tanstack/react-query',
              importNames: [
                'useQuery',
                'useQueries',
                'useSuspenseQuery',
                'useInfiniteQuery',
                'useMutation',
                'useQueryClient',
              ],
              message: "queries and mutations, with their cache invalidation, belong in the feature's api module",
            },
          ],
          patterns: [
            {
              group: ['**/lib/client'],
              importNames: ['http'],
              message: "requests belong in the feature's api module (src/<feature>/api)",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.mjs', 'scripts/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
