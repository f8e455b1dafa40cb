ALTER TABLE `taxpayers` ADD `taxpayer_type` text DEFAULT '一般纳税人' NOT NULL;--> statement-breakpoint
ALTER TABLE `taxpayers` ADD `rates` text;