ALTER TABLE `insights` ADD `end_emotion` integer;--> statement-breakpoint
ALTER TABLE `insights` ADD `resolved_first_contact` integer;--> statement-breakpoint
ALTER TABLE `insights` ADD `wait_minutes` integer;