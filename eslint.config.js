import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
	{ ignores: ['build/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/.tmp/**', '.cache/**', 'data/**'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		plugins: { 'react-hooks': reactHooks },
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-console': 'off',
		},
	},
	{
		// Playwright fixtures call `use`, which is not React's hook.
		files: ['tests/e2e/**/*.ts'],
		rules: { 'react-hooks/rules-of-hooks': 'off' },
	},
	{
		// A status is named once, in app/models/idea.ts: code uses STATUS and the status sets, SQL statusIn().
		// Who may do what is decided by permissions, never by comparing role names.
		files: ['app/**/*.{ts,tsx}'],
		ignores: ['app/models/idea.ts', 'app/utils/permissions.ts', 'app/**/*.test.ts', 'app/locales/**'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: 'Literal[value=/^(submitted|in_review|accepted|in_progress|implemented|declined|merged)$/]',
					message: 'Name a status through STATUS or a status set in app/models/idea.ts.',
				},
				{
					selector: "BinaryExpression[operator=/^[!=]==$/][left.property.name='role'][right.type='Literal']",
					message: 'Decide by hasPermission(role, …) (app/utils/permissions.ts), never by a role name.',
				},
				{
					selector: "TemplateElement[value.raw=/'(submitted|in_review|accepted|in_progress|implemented|declined|merged)'/]",
					message: 'SQL names a status through ${STATUS.…} or statusIn(), never as a literal.',
				},
			],
		},
	},
	{
		// db/ sits outside app/, so Remix's .server guard cannot protect it: only server modules may import it.
		files: ['app/**/*.{ts,tsx}'],
		ignores: ['app/**/*.server.ts', 'app/**/*.test.ts', 'app/entry.server.tsx'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['#db/*', '../db/*', '**/db/*'], message: 'Only *.server.ts modules may import the database.' }] },
			],
		},
	},
)
