CREATE TABLE `playbook_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`locale` text NOT NULL,
	`version` integer NOT NULL,
	`content` text NOT NULL,
	`note` text NOT NULL,
	`author_id` text NOT NULL,
	`idea_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `critical_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `playbook_versions_event_locale_version_unique` ON `playbook_versions` (`event_id`,`locale`,`version`);--> statement-breakpoint
CREATE INDEX `playbook_versions_author_id_idx` ON `playbook_versions` (`author_id`);--> statement-breakpoint
CREATE INDEX `playbook_versions_idea_id_idx` ON `playbook_versions` (`idea_id`);--> statement-breakpoint
ALTER TABLE `notifications` ADD `event_id` text REFERENCES critical_events(id);--> statement-breakpoint
CREATE INDEX `notifications_event_id_idx` ON `notifications` (`event_id`);