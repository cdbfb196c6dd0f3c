-- Custom migration: drizzle-kit cannot declare WITHOUT ROWID. A rowid would record the
-- order in which activity marks were written, and that order could be lined up with the
-- creation times of anonymous items. Without it, rows are kept only in key order.
DROP TABLE `activity_weeks`;--> statement-breakpoint
CREATE TABLE `activity_weeks` (
	`user_id` text NOT NULL,
	`week` text NOT NULL,
	PRIMARY KEY(`user_id`, `week`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;--> statement-breakpoint
CREATE INDEX `activity_weeks_week_idx` ON `activity_weeks` (`week`);
