CREATE TABLE `download_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`params` text NOT NULL,
	`state` text NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`file_path` text,
	`file_name` text,
	`note` text,
	`error` text,
	`finished_at` text,
	`owner` text,
	`heartbeat_at` text
);
--> statement-breakpoint
CREATE INDEX `download_jobs_state` ON `download_jobs` (`state`,`id`);