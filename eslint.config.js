import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'build/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error'
    }
  },
  {
    // chai's property assertions (`.to.be.empty`) read as bare expressions.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' }
  },
  {
    // The domain stays pure: no bot framework, no i18n, no I/O.
    files: ['src/guidance/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['botbuilder*', 'botframework*'], message: 'src/guidance is pure: no bot framework.' },
          { group: ['i18next*'], message: 'src/guidance is pure: it returns keys, not text.' },
          { group: ['fs', 'node:*', 'fs/*'], message: 'src/guidance is pure: no I/O.' }
        ]
      }]
    }
  }
);
