ALTER TABLE `channels` DROP COLUMN `name_it`;--> statement-breakpoint
ALTER TABLE `critical_events` DROP COLUMN `name_it`;--> statement-breakpoint
ALTER TABLE `journey_stages` DROP COLUMN `name_it`;