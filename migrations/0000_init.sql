CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`role` text NOT NULL,
	`school_code` text,
	`label` text,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_uq` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`role` text NOT NULL,
	`action` text NOT NULL,
	`subject` text NOT NULL,
	`detail_json` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_hash_uq` ON `audit_log` (`hash`);--> statement-breakpoint
CREATE TABLE `dataset_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`bytes` integer NOT NULL,
	`rows` integer NOT NULL,
	`encoding` text NOT NULL,
	`content` blob NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dataset_files_dataset_kind_uq` ON `dataset_files` (`dataset_id`,`kind`);--> statement-breakpoint
CREATE INDEX `dataset_files_sha_idx` ON `dataset_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`label` text,
	`counts_json` text NOT NULL,
	`dataset_json` text NOT NULL,
	`rules_json` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `placements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`staff_id` text NOT NULL,
	`name` text NOT NULL,
	`outcome` text NOT NULL,
	`school_code` text,
	`school_name` text,
	`subject` text,
	`round` integer,
	`from_school_code` text NOT NULL,
	`from_school_name` text NOT NULL,
	`choice_rank` integer,
	`distance_km` real,
	`explanation` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `placements_run_staff_uq` ON `placements` (`run_id`,`staff_id`);--> statement-breakpoint
CREATE INDEX `placements_run_school_idx` ON `placements` (`run_id`,`school_code`);--> statement-breakpoint
CREATE INDEX `placements_run_from_school_idx` ON `placements` (`run_id`,`from_school_code`);--> statement-breakpoint
CREATE INDEX `placements_run_outcome_idx` ON `placements` (`run_id`,`outcome`);--> statement-breakpoint
CREATE INDEX `placements_staff_idx` ON `placements` (`staff_id`);--> statement-breakpoint
CREATE TABLE `runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`engine_version` text NOT NULL,
	`input_hash` text NOT NULL,
	`output_hash` text NOT NULL,
	`rules_json` text NOT NULL,
	`input_json` text NOT NULL,
	`result_json` text NOT NULL,
	`summary_json` text NOT NULL,
	`fairness_json` text NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `runs_dataset_idx` ON `runs` (`dataset_id`);--> statement-breakpoint
CREATE INDEX `runs_input_hash_idx` ON `runs` (`input_hash`);