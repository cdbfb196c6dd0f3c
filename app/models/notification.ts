export const NOTIFICATION_KINDS = ['comment', 'mention', 'status', 'update', 'hidden'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]
export const NOTIFICATIONS_PAGE_SIZE = 30
