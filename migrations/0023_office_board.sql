CREATE TABLE `board_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`department_id` text,
	`locale` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `board_tokens_department_id_idx` ON `board_tokens` (`department_id`);--> statement-breakpoint
CREATE INDEX `board_tokens_created_by_idx` ON `board_tokens` (`created_by`);