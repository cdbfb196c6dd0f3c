CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`detail` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_created_at_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_id_idx` ON `audit_log` (`actor_id`);--> statement-breakpoint
CREATE TABLE `idea_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`idea_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_updates_idea_id_idx` ON `idea_updates` (`idea_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `idea_updates_actor_id_idx` ON `idea_updates` (`actor_id`);--> statement-breakpoint
ALTER TABLE `comments` ADD `hidden_at` integer;--> statement-breakpoint
ALTER TABLE `comments` ADD `hidden_reason` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `decided_at` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `impact` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `effort` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `owner_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `ideas` ADD `merged_into_id` text REFERENCES ideas(id);--> statement-breakpoint
ALTER TABLE `ideas` ADD `hidden_at` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `hidden_reason` text;--> statement-breakpoint
CREATE INDEX `ideas_owner_id_idx` ON `ideas` (`owner_id`);--> statement-breakpoint
CREATE INDEX `ideas_merged_into_id_idx` ON `ideas` (`merged_into_id`);--> statement-breakpoint
ALTER TABLE `insights` ADD `hidden_at` integer;--> statement-breakpoint
ALTER TABLE `insights` ADD `hidden_reason` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `note` text;