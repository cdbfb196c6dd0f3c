CREATE TABLE `emerging_dismissals` (
	`insight_id` text PRIMARY KEY NOT NULL,
	FOREIGN KEY (`insight_id`) REFERENCES `insights`(`id`) ON UPDATE no action ON DELETE cascade
);
