import { type FieldMetadata } from '@conform-to/react'
import { Field, SelectField } from '#app/components/ui/forms.tsx'
import { ROLES } from '#app/utils/permissions.ts'
import { useT } from '#app/utils/root-data.ts'

type Fields = {
	name: FieldMetadata<string>
	email: FieldMetadata<string>
	role: FieldMetadata<string>
	departmentId: FieldMetadata<string | undefined>
}

export function UserFields({ fields, departments }: { fields: Fields; departments: Array<{ id: string; name: string; depth: number }> }) {
	const t = useT()
	return (
		<div className="grid gap-4 sm:grid-cols-2">
			<Field label={t('common.name')} meta={fields.name} autoComplete="off" />
			<Field label={t('users.email')} meta={fields.email} type="email" autoComplete="off" />
			<SelectField label={t('users.role')} meta={fields.role} options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
			<SelectField
				label={t('users.department')}
				meta={fields.departmentId}
				placeholder={t('users.noDepartment')}
				options={departments.map((d) => ({ value: d.id, label: d.name, depth: d.depth }))}
			/>
		</div>
	)
}
