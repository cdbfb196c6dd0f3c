ALTER TABLE `ideas` ADD `closed_at` integer;--> statement-breakpoint
CREATE INDEX `ideas_first_action_at_idx` ON `ideas` (`first_action_at`);--> statement-breakpoint
CREATE INDEX `ideas_decided_at_idx` ON `ideas` (`decided_at`);--> statement-breakpoint
CREATE INDEX `ideas_closed_at_idx` ON `ideas` (`closed_at`);--> statement-breakpoint
-- Ideas already closed take the time of the timeline entry that closed them.
UPDATE `ideas` SET `closed_at` = (
	SELECT max(u.`created_at`) FROM `idea_updates` u WHERE u.`idea_id` = `ideas`.`id` AND u.`to_status` = `ideas`.`status`
) WHERE `status` IN ('implemented', 'declined', 'merged');
