ALTER TABLE `company` ADD `taxpayer_type` text DEFAULT '一般纳税人' NOT NULL;--> statement-breakpoint
ALTER TABLE `company` ADD `platform_rates` text;--> statement-breakpoint
ALTER TABLE `company` ADD `rates_read_at` text;