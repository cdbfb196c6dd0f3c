import { type FilterSelect } from '#app/components/ui/filter-bar.tsx'
import { PERIODS } from '#app/models/insight.ts'
import { toOptions, type LocalizedEntry } from '#app/models/taxonomy.ts'
import { useLocale, useT } from '#app/utils/root-data.ts'

type Named = LocalizedEntry

type Options = {
	stages: Named[]
	events: Named[]
	channels: Named[]
	departments: Array<{ id: string; name: string; depth: number }>
	departmentsPartial: boolean
}

type DepartmentOptions = Pick<Options, 'departments' | 'departmentsPartial'>

/** The department select of a filter bar; a large company's list says how to reach teams. */
export function departmentSelect(options: DepartmentOptions, t: ReturnType<typeof useT>): FilterSelect {
	return {
		name: 'department',
		label: t('insights.department'),
		options: options.departments.map((d) => ({ value: d.id, label: d.name, depth: d.depth })),
		hint: options.departmentsPartial ? t('insights.departmentTeamsHint') : undefined,
	}
}

/** The stage, event, channel, department and period selects shared by insights and ideas. */
export function useCommonSelects(options: Options): FilterSelect[] {
	const t = useT()
	const locale = useLocale()
	return [
		{ name: 'stage', label: t('insights.stage'), options: toOptions(options.stages, locale) },
		{ name: 'event', label: t('insights.event'), options: toOptions(options.events, locale) },
		{ name: 'channel', label: t('insights.channel'), options: toOptions(options.channels, locale) },
		departmentSelect(options, t),
		{
			name: 'period',
			label: t('insights.period'),
			allLabel: t('insights.anyTime'),
			options: PERIODS.map((p) => ({ value: p, label: t(`insights.periods.${p}`) })),
		},
	]
}
