CREATE TABLE `activity_weeks` (
	`user_id` text NOT NULL,
	`week` text NOT NULL,
	PRIMARY KEY(`user_id`, `week`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_weeks_week_idx` ON `activity_weeks` (`week`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`sponsor` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`stage_id` text,
	`event_id` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`stage_id`) REFERENCES `journey_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `critical_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaigns_ends_at_idx` ON `campaigns` (`ends_at`);--> statement-breakpoint
CREATE INDEX `campaigns_stage_id_idx` ON `campaigns` (`stage_id`);--> statement-breakpoint
CREATE INDEX `campaigns_event_id_idx` ON `campaigns` (`event_id`);--> statement-breakpoint
CREATE INDEX `campaigns_created_by_idx` ON `campaigns` (`created_by`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`idea_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`edited_at` integer,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comments_idea_id_idx` ON `comments` (`idea_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_author_id_idx` ON `comments` (`author_id`);--> statement-breakpoint
CREATE TABLE `follows` (
	`idea_id` text NOT NULL,
	`user_id` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `user_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follows_user_id_idx` ON `follows` (`user_id`,`active`);--> statement-breakpoint
CREATE TABLE `idea_events` (
	`idea_id` text NOT NULL,
	`event_id` text NOT NULL,
	PRIMARY KEY(`idea_id`, `event_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `critical_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_events_event_id_idx` ON `idea_events` (`event_id`);--> statement-breakpoint
CREATE TABLE `idea_insights` (
	`idea_id` text NOT NULL,
	`insight_id` text NOT NULL,
	PRIMARY KEY(`idea_id`, `insight_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`insight_id`) REFERENCES `insights`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_insights_insight_id_idx` ON `idea_insights` (`insight_id`);--> statement-breakpoint
CREATE TABLE `idea_stages` (
	`idea_id` text NOT NULL,
	`stage_id` text NOT NULL,
	PRIMARY KEY(`idea_id`, `stage_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stage_id`) REFERENCES `journey_stages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_stages_stage_id_idx` ON `idea_stages` (`stage_id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`problem` text NOT NULL,
	`proposal` text NOT NULL,
	`benefit` text NOT NULL,
	`author_id` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`department_id` text,
	`campaign_id` text,
	`status` text DEFAULT 'submitted' NOT NULL,
	`vote_count` integer DEFAULT 0 NOT NULL,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`trend_score` real NOT NULL,
	`first_action_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ideas_created_at_idx` ON `ideas` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_trend_idx` ON `ideas` (`trend_score`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_votes_idx` ON `ideas` (`vote_count`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `ideas_status_idx` ON `ideas` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_author_id_idx` ON `ideas` (`author_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_department_id_idx` ON `ideas` (`department_id`);--> statement-breakpoint
CREATE INDEX `ideas_campaign_id_idx` ON `ideas` (`campaign_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `insight_recurrences` (
	`insight_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`insight_id`, `user_id`),
	FOREIGN KEY (`insight_id`) REFERENCES `insights`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `insight_recurrences_user_id_idx` ON `insight_recurrences` (`user_id`);--> statement-breakpoint
CREATE TABLE `insights` (
	`id` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`channel_id` text NOT NULL,
	`stage_id` text NOT NULL,
	`event_id` text,
	`emotion` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`author_id` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`department_id` text,
	`recurrence_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stage_id`) REFERENCES `journey_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `critical_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `insights_created_at_idx` ON `insights` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `insights_channel_id_idx` ON `insights` (`channel_id`);--> statement-breakpoint
CREATE INDEX `insights_stage_id_idx` ON `insights` (`stage_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `insights_event_id_idx` ON `insights` (`event_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `insights_author_id_idx` ON `insights` (`author_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `insights_department_id_idx` ON `insights` (`department_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`idea_id` text,
	`comment_id` text,
	`actor_id` text,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_id_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_idea_id_idx` ON `notifications` (`idea_id`);--> statement-breakpoint
CREATE INDEX `notifications_comment_id_idx` ON `notifications` (`comment_id`);--> statement-breakpoint
CREATE INDEX `notifications_actor_id_idx` ON `notifications` (`actor_id`);--> statement-breakpoint
CREATE TABLE `receipts` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`idea_id` text,
	`insight_id` text,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`insight_id`) REFERENCES `insights`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `receipts_idea_id_idx` ON `receipts` (`idea_id`);--> statement-breakpoint
CREATE INDEX `receipts_insight_id_idx` ON `receipts` (`insight_id`);--> statement-breakpoint
CREATE TABLE `votes` (
	`idea_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `user_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `votes_user_id_idx` ON `votes` (`user_id`,`created_at`);