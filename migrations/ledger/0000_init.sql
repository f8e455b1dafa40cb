CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`id`);--> statement-breakpoint
CREATE TABLE `company` (
	`id` integer PRIMARY KEY NOT NULL,
	`tax_id` text NOT NULL,
	`name` text NOT NULL,
	`region` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`bank` text DEFAULT '' NOT NULL,
	`account` text DEFAULT '' NOT NULL,
	`operator` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`tax_id` text DEFAULT '' NOT NULL,
	`id_type` text,
	`id_number` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`bank` text DEFAULT '' NOT NULL,
	`account` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`mobile` text DEFAULT '' NOT NULL,
	`search_key` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_enterprise` ON `customers` (`tax_id`) WHERE type = '企业';--> statement-breakpoint
CREATE UNIQUE INDEX `customers_person` ON `customers` (`name`,`id_number`) WHERE type = '自然人';--> statement-breakpoint
CREATE INDEX `customers_name` ON `customers` (`name`);--> statement-breakpoint
CREATE INDEX `customers_recent` ON `customers` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `extras` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`data_type` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `extras_name_unique` ON `extras` (`name`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`tax_code` text NOT NULL,
	`spec` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`unit_price` text,
	`price_includes_tax` integer DEFAULT false NOT NULL,
	`tax_rate` text NOT NULL,
	`policy` text,
	`category` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_identity` ON `items` (`name`,`spec`);--> statement-breakpoint
CREATE INDEX `items_tax_code` ON `items` (`tax_code`);--> statement-breakpoint
CREATE INDEX `items_recent` ON `items` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `scene_extras` (
	`scene_id` integer NOT NULL,
	`extra_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`scene_id`, `extra_id`),
	FOREIGN KEY (`scene_id`) REFERENCES `scenes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`extra_id`) REFERENCES `extras`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `scene_extras_extra` ON `scene_extras` (`extra_id`);--> statement-breakpoint
CREATE TABLE `scenes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scenes_name_unique` ON `scenes` (`name`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tax_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`parent_code` text,
	`name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`is_leaf` integer NOT NULL,
	`rates` text DEFAULT '' NOT NULL,
	`special_management` text DEFAULT '' NOT NULL,
	`keywords` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tax_codes_parent` ON `tax_codes` (`parent_code`);