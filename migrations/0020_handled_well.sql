CREATE TABLE `insight_thanks` (
	`insight_id` text NOT NULL,
	`user_id` text NOT NULL,
	`note` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`insight_id`, `user_id`),
	FOREIGN KEY (`insight_id`) REFERENCES `insights`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `insight_thanks_user_id_idx` ON `insight_thanks` (`user_id`);--> statement-breakpoint
CREATE INDEX `insight_thanks_insight_id_idx` ON `insight_thanks` (`insight_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `insights` ADD `thanks_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `insights_thanked_idx` ON `insights` (`event_id`,`thanks_count`,`created_at`) WHERE "insights"."thanks_count" > 0;--> statement-breakpoint
ALTER TABLE `notifications` ADD `insight_id` text REFERENCES insights(id) ON DELETE cascade;--> statement-breakpoint
CREATE INDEX `notifications_insight_id_idx` ON `notifications` (`insight_id`);