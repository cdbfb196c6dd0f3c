ALTER TABLE `departments` ADD `customer_facing` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `moments_digest` text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `moments_digest_sent_at` integer;