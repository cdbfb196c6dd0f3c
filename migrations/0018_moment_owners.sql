ALTER TABLE `critical_events` ADD `owner_department_id` text REFERENCES departments(id);--> statement-breakpoint
ALTER TABLE `critical_events` ADD `owner_user_id` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `critical_events_owner_department_id_idx` ON `critical_events` (`owner_department_id`);--> statement-breakpoint
CREATE INDEX `critical_events_owner_user_id_idx` ON `critical_events` (`owner_user_id`);