ALTER TABLE `critical_events` ADD `spike_since` integer;--> statement-breakpoint
ALTER TABLE `critical_events` ADD `spike_ended_at` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `relapse_told_at` integer;