-- Datasets, runs and placements are immutable and the audit log is append-only (SPEC §5). The application
-- never issues these statements; the triggers make the database itself refuse them, and the audit log's hash
-- chain still exposes anyone who drops a trigger to edit a row.
CREATE TRIGGER `datasets_no_update` BEFORE UPDATE ON `datasets`
BEGIN SELECT RAISE(ABORT, 'datasets are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `dataset_files_no_update` BEFORE UPDATE ON `dataset_files`
BEGIN SELECT RAISE(ABORT, 'dataset files are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `runs_no_update` BEFORE UPDATE ON `runs`
BEGIN SELECT RAISE(ABORT, 'runs are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `placements_no_update` BEFORE UPDATE ON `placements`
BEGIN SELECT RAISE(ABORT, 'placements are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
