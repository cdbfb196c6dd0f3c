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
		// A 4xx carries a catalog key (httpError, ensure) or text translated for its reader (plainError).
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
				{
					selector: "NewExpression[callee.name='Response'] > :matches(Literal, TemplateLiteral):first-child",
					message: 'An error text must reach the reader in their language: httpError/ensure with a catalog key, or plainError.',
				},
				{
					selector: 'CallExpression[callee.name=/^(data|json)$/] > :matches(Literal, TemplateLiteral):first-child',
					message: 'An error text must reach the reader in their language: httpError/ensure with a catalog key.',
				},
			],
		},
	},
	...layers(),
)

/**
 * The layers (docs/architecture.md): utils and locales import no model, component or route;
 * models no component or route; only the route tree imports a route module. Imports go
 * through `#app/*`, so a relative path cannot slip past. Only server modules import db/:
 * it sits outside app/, where Remix's .server guard cannot protect it.
 */
function layers() {
	const restrict = (regex, message) => ({ regex, message })
	const database = restrict('^(#db/|(\\.\\./)+db/)', 'Only *.server.ts modules may import the database.')
	const relative = restrict('^\\.\\./', 'Import through #app/* (package.json "imports"), so the layer rules see it.')
	const layer = [
		{
			files: ['app/utils/**/*.{ts,tsx}', 'app/locales/**/*.ts'],
			forbid: restrict('^#app/(models|components|routes)/', 'utils and locales are the bottom layer: no model, component or route.'),
		},
		{
			files: ['app/models/**/*.{ts,tsx}', 'app/emails/**/*.{ts,tsx}'],
			forbid: restrict('^#app/(components|routes)/', 'Models and e-mails know nothing of pages: no component or route.'),
		},
		{
			files: ['app/components/**/*.{ts,tsx}', 'app/root.tsx', 'app/entry.server.tsx'],
			forbid: restrict('^#app/routes/', 'Only the route tree imports a route module.'),
		},
		{
			files: ['app/components/ui/**/*.tsx'],
			forbid: restrict(
				'^#app/(models|routes)/|^#app/components/(?!ui/)',
				'ui/ holds primitives: they know no model and no other component.',
			),
		},
		{ files: ['app/routes/**/*.{ts,tsx}', 'app/routes.ts'], forbid: null },
	]
	const serverOnly = ['app/**/*.server.ts', 'app/**/*.test.ts', 'app/entry.server.tsx']
	return layer.flatMap(({ files, forbid }) => {
		const own = forbid ? [forbid, relative] : [relative]
		return [
			{ files, rules: { 'no-restricted-imports': ['error', { patterns: own }] } },
			{ files, ignores: serverOnly, rules: { 'no-restricted-imports': ['error', { patterns: [...own, database] }] } },
		]
	})
}
