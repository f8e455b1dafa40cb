-- 发票入账 and 用途确认 (issue 12): booking jobs and their rows; the buyer's 入账所属期 and 用途 on 进项, and what the buyer did on 销项 (for the red path).
CREATE TABLE `booking_job_rows` (
	`job_id` integer NOT NULL,
	`position` integer NOT NULL,
	`sheet_row` integer,
	`number` text NOT NULL,
	`code` text,
	`issue_date` text,
	`book` integer,
	`period` text,
	`type` text,
	`use` text,
	`result` text,
	`message` text,
	`earlier_period` text,
	PRIMARY KEY(`job_id`, `position`),
	FOREIGN KEY (`job_id`) REFERENCES `booking_jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `booking_job_rows_number` ON `booking_job_rows` (`number`,`job_id`);--> statement-breakpoint
CREATE TABLE `booking_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`file_name` text,
	`state` text NOT NULL,
	`error` text,
	`finished_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `booking_jobs_state` ON `booking_jobs` (`state`,`id`);--> statement-breakpoint
ALTER TABLE `invoices` ADD `buyer_booking` text DEFAULT '01' NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `buyer_use` text DEFAULT 'unconfirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE `received_invoices` ADD `booking_period` text;--> statement-breakpoint
ALTER TABLE `received_invoices` ADD `use_status` text DEFAULT 'unconfirmed' NOT NULL;